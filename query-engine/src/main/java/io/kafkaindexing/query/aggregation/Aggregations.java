package io.kafkaindexing.query.aggregation;

import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.segment.aggregation.Aggregator;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.read.ColumnNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A query's {@code aggregations} and {@code postAggregations}, validated as Druid does (unique
 * output names, post-aggregators reading only earlier outputs) and with the post-aggregators
 * decorated with the aggregators. Immutable and thread-safe.
 */
public final class Aggregations {
  private final List<AggregatorFactory> aggregators;
  private final List<PostAggregator> postAggregators;
  private final List<PostAggregator> declaredPostAggregators;
  private final Map<String, AggregatorFactory> byName = new LinkedHashMap<>();

  public Aggregations(List<AggregatorFactory> aggregators, List<PostAggregator> postAggregators) {
    this.aggregators = aggregators == null ? List.of() : List.copyOf(nonNull(aggregators, "aggregations"));
    this.declaredPostAggregators = postAggregators == null ? List.of()
        : List.copyOf(nonNull(postAggregators, "postAggregations"));
    Set<String> names = new HashSet<>();
    for (AggregatorFactory a : this.aggregators) {
      if (!names.add(a.getName())) {
        throw DruidException.invalidInput("Duplicate output name[%s] in field[aggregations]", a.getName());
      }
      byName.put(a.getName(), a);
    }
    List<PostAggregator> decorated = new ArrayList<>();
    for (PostAggregator p : declaredPostAggregators) {
      if (p.getName() == null || p.getName().isEmpty()) {
        throw DruidException.invalidInput("Every entry of field[postAggregations] needs a name");
      }
      Set<String> missing = new HashSet<>(p.getDependentFields());
      missing.removeAll(names);
      missing.remove(ColumnNames.TIME);
      if (!missing.isEmpty()) {
        throw DruidException.invalidInput("Missing fields %s for postAggregator[%s]", missing, p.getName());
      }
      if (!names.add(p.getName())) {
        throw DruidException.invalidInput("Duplicate output name[%s] in field[postAggregations]", p.getName());
      }
      decorated.add(p.decorate(byName));
    }
    this.postAggregators = List.copyOf(decorated);
  }

  private static <T> List<T> nonNull(List<T> list, String field) {
    for (T t : list) {
      if (t == null) {
        throw DruidException.invalidInput("Field[%s] has a null entry", field);
      }
    }
    return list;
  }

  public List<AggregatorFactory> aggregators() {
    return aggregators;
  }

  /** The post-aggregators as declared (for JSON). */
  public List<PostAggregator> declaredPostAggregators() {
    return declaredPostAggregators;
  }

  /** The post-aggregators ready to compute. */
  public List<PostAggregator> postAggregators() {
    return postAggregators;
  }

  public AggregatorFactory aggregator(String name) {
    return byName.get(name);
  }

  public PostAggregator postAggregator(String name) {
    for (PostAggregator p : postAggregators) {
      if (p.getName().equals(name)) {
        return p;
      }
    }
    return null;
  }

  /**
   * The post-aggregators needed to compute {@code name} (it and those it reads, transitively), in
   * query order; empty when {@code name} is not a post-aggregator. Druid's {@code pruneDependentPostAgg}.
   */
  public List<PostAggregator> postAggregatorsFor(String name) {
    Set<String> needed = new HashSet<>();
    needed.add(name);
    List<PostAggregator> out = new ArrayList<>();
    for (int i = postAggregators.size() - 1; i >= 0; i--) {
      PostAggregator p = postAggregators.get(i);
      if (needed.contains(p.getName())) {
        out.add(0, p);
        needed.addAll(p.getDependentFields());
      }
    }
    return out;
  }

  public Aggregator[] factorize(ColumnSelectorFactory columns) {
    Aggregator[] out = new Aggregator[aggregators.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = aggregators.get(i).factorize(columns);
    }
    return out;
  }

  /** Combines {@code from} into {@code into}, aggregator by aggregator. */
  public void combineInto(Map<String, Object> into, Map<String, Object> from) {
    for (AggregatorFactory a : aggregators) {
      into.put(a.getName(), a.combine(into.get(a.getName()), from.get(a.getName())));
    }
  }

  /** Computes the post-aggregators in order, adding each to {@code values}. */
  public void computePostAggregators(Map<String, Object> values) {
    for (PostAggregator p : postAggregators) {
      values.put(p.getName(), p.compute(values));
    }
  }

  /** Replaces each aggregator's value by its finalized value. */
  public void finalizeAggregators(Map<String, Object> values) {
    for (AggregatorFactory a : aggregators) {
      values.put(a.getName(), a.finalizeComputation(values.get(a.getName())));
    }
  }

  public List<String> outputNames() {
    List<String> out = new ArrayList<>();
    aggregators.forEach(a -> out.add(a.getName()));
    postAggregators.forEach(p -> out.add(p.getName()));
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Aggregations that && aggregators.equals(that.aggregators)
        && declaredPostAggregators.equals(that.declaredPostAggregators);
  }

  @Override
  public int hashCode() {
    return aggregators.hashCode() * 31 + declaredPostAggregators.hashCode();
  }

  @Override
  public String toString() {
    return aggregators + " " + declaredPostAggregators;
  }
}
