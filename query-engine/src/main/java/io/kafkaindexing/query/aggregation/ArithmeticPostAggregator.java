package io.kafkaindexing.query.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
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
import java.util.function.DoubleBinaryOperator;

/**
 * {@code {"type": "arithmetic", "name", "fn", "fields": [...], "ordering"}}: applies {@code fn}
 * ({@code +}, {@code -}, {@code *}, {@code /}, {@code quotient}, {@code pow}) left to right over
 * two or more fields, as doubles. {@code /} gives 0 when dividing by 0, {@code quotient} follows
 * IEEE (Infinity, NaN). Any null field gives null. {@code ordering} {@code numericFirst} sorts
 * finite values above NaN and infinities. Immutable.
 */
public final class ArithmeticPostAggregator implements PostAggregator {
  private static final Map<String, DoubleBinaryOperator> OPS = Map.of(
      "+", Double::sum,
      "-", (a, b) -> a - b,
      "*", (a, b) -> a * b,
      "/", (a, b) -> b == 0.0 ? 0.0 : a / b,
      "quotient", (a, b) -> a / b,
      "pow", Math::pow);

  private final String name;
  private final String fn;
  private final List<PostAggregator> fields;
  private final String ordering;
  private final DoubleBinaryOperator op;
  private final Comparator<Object> comparator;

  @JsonCreator
  public ArithmeticPostAggregator(@JsonProperty("name") String name, @JsonProperty("fn") String fn,
      @JsonProperty("fields") List<PostAggregator> fields, @JsonProperty("ordering") String ordering) {
    if (fn == null) {
      throw DruidException.invalidInput("Post-aggregator[%s] of type[arithmetic] needs a field[fn]", name);
    }
    this.op = OPS.get(fn);
    if (op == null) {
      throw DruidException.invalidInput("Unknown fn[%s] of arithmetic post-aggregator[%s]: expected one of "
          + "+, -, *, /, quotient, pow", fn, name);
    }
    if (fields == null || fields.size() < 2) {
      throw DruidException.invalidInput("Post-aggregator[%s] of type[arithmetic] needs at least two field[fields], "
          + "got[%d]", name, fields == null ? 0 : fields.size());
    }
    if (ordering != null && !"numericFirst".equals(ordering)) {
      throw DruidException.invalidInput("Unknown ordering[%s] of arithmetic post-aggregator[%s]: expected "
          + "numericFirst or none", ordering, name);
    }
    this.name = name;
    this.fn = fn;
    this.fields = List.copyOf(fields);
    this.ordering = ordering;
    this.comparator = ordering == null ? NumericComparators.NATURAL_NULLS_FIRST
        : Comparator.nullsFirst(Comparator.comparing(o -> ((Number) o).doubleValue(), ArithmeticPostAggregator::numericFirst));
  }

  private static int numericFirst(Double a, Double b) {
    if (Double.isFinite(a) && !Double.isFinite(b)) {
      return 1;
    }
    if (!Double.isFinite(a) && Double.isFinite(b)) {
      return -1;
    }
    return Double.compare(a, b);
  }

  @Override
  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String getName() {
    return name;
  }

  @JsonProperty("fn")
  public String getFn() {
    return fn;
  }

  @JsonProperty
  public List<PostAggregator> getFields() {
    return fields;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String getOrdering() {
    return ordering;
  }

  @Override
  public Object compute(Map<String, Object> values) {
    Double result = null;
    for (PostAggregator field : fields) {
      Object v = field.compute(values);
      if (!(v instanceof Number n)) {
        return null;
      }
      result = result == null ? n.doubleValue() : op.applyAsDouble(result, n.doubleValue());
    }
    return result;
  }

  @Override
  public Comparator<Object> getComparator() {
    return comparator;
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
    return new ArithmeticPostAggregator(name, fn, decorated, ordering);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ArithmeticPostAggregator that && Objects.equals(name, that.name) && fn.equals(that.fn)
        && fields.equals(that.fields) && Objects.equals(ordering, that.ordering);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, fn, fields, ordering);
  }

  @Override
  public String toString() {
    return "arithmetic(" + fn + ", " + fields + ")";
  }
}
