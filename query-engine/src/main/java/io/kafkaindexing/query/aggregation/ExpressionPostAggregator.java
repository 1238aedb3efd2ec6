package io.kafkaindexing.query.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.expression.Expr;
import io.kafkaindexing.query.expression.Parser;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code {"type": "expression", "name", "expression", "ordering"}}: evaluates an expression over
 * the row's aggregator values (finalized, as Druid does, e.g. a {@code hyperUnique} reads as its
 * estimate) and earlier post-aggregators, by name. {@code ordering} {@code numericFirst} sorts
 * finite numbers above NaN and infinities; by default values sort naturally, nulls first.
 * Immutable.
 */
public final class ExpressionPostAggregator implements PostAggregator {
  private final String name;
  private final String expression;
  private final String ordering;
  private final Expr parsed;
  private final Map<String, AggregatorFactory> aggregators;
  private final Comparator<Object> comparator;

  @JsonCreator
  public ExpressionPostAggregator(@JsonProperty("name") String name, @JsonProperty("expression") String expression,
      @JsonProperty("ordering") String ordering) {
    this(name, expression, ordering, Map.of());
  }

  private ExpressionPostAggregator(String name, String expression, String ordering,
      Map<String, AggregatorFactory> aggregators) {
    if (expression == null) {
      throw DruidException.invalidInput("Post-aggregator[%s] of type[expression] needs a field[expression]", name);
    }
    if (ordering != null && !"numericFirst".equals(ordering)) {
      throw DruidException.invalidInput("Unknown ordering[%s] of expression post-aggregator[%s]: expected "
          + "numericFirst or none", ordering, name);
    }
    this.name = name;
    this.expression = expression;
    this.ordering = ordering;
    this.parsed = Parser.parse(expression, "field[expression] of post-aggregator[" + name + "]");
    this.aggregators = aggregators;
    this.comparator = ordering == null ? NumericComparators.NATURAL_NULLS_FIRST
        : Comparator.nullsFirst(Comparator.comparing(o -> ((Number) o).doubleValue(),
            ExpressionPostAggregator::numericFirst));
  }

  private static int numericFirst(Double a, Double b) {
    if (Double.isFinite(a) != Double.isFinite(b)) {
      return Double.isFinite(a) ? 1 : -1;
    }
    return Double.compare(a, b);
  }

  @Override
  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String getName() {
    return name;
  }

  @JsonProperty
  public String getExpression() {
    return expression;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String getOrdering() {
    return ordering;
  }

  @Override
  public Object compute(Map<String, Object> values) {
    return parsed.eval(field -> {
      Object v = values.get(field);
      AggregatorFactory agg = aggregators.get(field);
      return agg == null ? v : agg.finalizeComputation(v);
    }).value();
  }

  @Override
  @JsonIgnore
  public Comparator<Object> getComparator() {
    return comparator;
  }

  @Override
  @JsonIgnore
  public Set<String> getDependentFields() {
    return parsed.identifiers();
  }

  @Override
  public PostAggregator decorate(Map<String, AggregatorFactory> aggregators) {
    Map<String, AggregatorFactory> used = new HashMap<>();
    for (String field : parsed.identifiers()) {
      if (aggregators.containsKey(field)) {
        used.put(field, aggregators.get(field));
      }
    }
    return new ExpressionPostAggregator(name, expression, ordering, used);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExpressionPostAggregator that && Objects.equals(name, that.name)
        && expression.equals(that.expression) && Objects.equals(ordering, that.ordering);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, expression, ordering);
  }

  @Override
  public String toString() {
    return "expression(" + expression + ")";
  }
}
