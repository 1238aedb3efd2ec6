package io.kafkaindexing.query.aggregation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Base of {@code doubleGreatest}, {@code longGreatest}, {@code doubleLeast} and {@code longLeast}:
 * {@code {"type", "name", "fields": [...]}}, the largest or smallest non-null field value as a
 * double or a long; null when every field is null. Immutable.
 */
public abstract class GreatestLeastPostAggregator implements PostAggregator {
  private final String type;
  private final String name;
  private final List<PostAggregator> fields;
  private final boolean greatest;
  private final boolean asLong;

  GreatestLeastPostAggregator(String type, String name, List<PostAggregator> fields, boolean greatest,
      boolean asLong) {
    if (fields == null || fields.isEmpty()) {
      throw DruidException.invalidInput("Post-aggregator[%s] of type[%s] needs a non-empty field[fields]", name, type);
    }
    this.type = type;
    this.name = name;
    this.fields = List.copyOf(fields);
    this.greatest = greatest;
    this.asLong = asLong;
  }

  abstract GreatestLeastPostAggregator with(List<PostAggregator> fields);

  @Override
  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String getName() {
    return name;
  }

  @JsonProperty
  public List<PostAggregator> getFields() {
    return fields;
  }

  @Override
  public Object compute(Map<String, Object> values) {
    Number best = null;
    for (PostAggregator field : fields) {
      if (field.compute(values) instanceof Number n) {
        boolean better = best == null || (asLong
            ? (greatest ? n.longValue() > best.longValue() : n.longValue() < best.longValue())
            : (greatest ? n.doubleValue() > best.doubleValue() : n.doubleValue() < best.doubleValue()));
        if (better) {
          best = n;
        }
      }
    }
    if (best == null) {
      return null;
    }
    return asLong ? (Object) best.longValue() : (Object) best.doubleValue();
  }

  @Override
  public Comparator<Object> getComparator() {
    return NumericComparators.NATURAL_NULLS_FIRST;
  }

  @Override
  public Set<String> getDependentFields() {
    Set<String> out = new LinkedHashSet<>();
    fields.forEach(f -> out.addAll(f.getDependentFields()));
    return out;
  }

  @Override
  public PostAggregator decorate(Map<String, AggregatorFactory> aggregators) {
    List<PostAggregator> decorated = new ArrayList<>();
    fields.forEach(f -> decorated.add(f.decorate(aggregators)));
    return with(decorated);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GreatestLeastPostAggregator that && type.equals(that.type) && Objects.equals(name, that.name)
        && fields.equals(that.fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, name, fields);
  }

  @Override
  public String toString() {
    return type + fields;
  }
}
