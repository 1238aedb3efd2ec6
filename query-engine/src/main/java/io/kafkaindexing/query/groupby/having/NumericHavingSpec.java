package io.kafkaindexing.query.groupby.having;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Base of {@code greaterThan}, {@code lessThan} and {@code equalTo}:
 * {@code {"type", "aggregation", "value"}} compares a column's (finalized) value with a number as
 * Druid's {@code HavingSpecMetricComparator} does: longs exactly, doubles as doubles, numeric
 * strings parsed. A null value never matches. Immutable.
 */
public abstract class NumericHavingSpec implements HavingSpec {
  private static final Pattern LONG = Pattern.compile("[-+]?[0-9]+");

  private final String type;
  private final String aggregation;
  private final Number value;

  NumericHavingSpec(String type, String aggregation, Number value) {
    if (aggregation == null || aggregation.isEmpty()) {
      throw DruidException.invalidInput("Having spec of type[%s] needs a field[aggregation]", type);
    }
    if (value == null) {
      throw DruidException.invalidInput("Having spec of type[%s] needs a numeric field[value]", type);
    }
    this.type = type;
    this.aggregation = aggregation;
    this.value = value;
  }

  @JsonProperty
  public String getAggregation() {
    return aggregation;
  }

  @JsonProperty
  public Number getValue() {
    return value;
  }

  /** Whether the comparison result ({@code row value <=> value}) passes. */
  abstract boolean accept(int comparison);

  @Override
  public boolean eval(HavingRow row) {
    Object metric = row.columns().get(aggregation);
    if (metric == null) {
      return false;
    }
    AggregatorFactory agg = row.aggregators().get(aggregation);
    if (agg != null) {
      metric = agg.finalizeComputation(metric);
      if (metric == null) {
        return false;
      }
    }
    return accept(compare(metric, value));
  }

  static int compare(Object metric, Number value) {
    boolean integral = value instanceof Long || value instanceof Integer || value instanceof Short;
    if (metric instanceof Long || metric instanceof Integer) {
      long n = ((Number) metric).longValue();
      return integral ? Long.compare(n, value.longValue())
          : new java.math.BigDecimal(n).compareTo(java.math.BigDecimal.valueOf(value.doubleValue()));
    }
    if (metric instanceof Number n) {
      return Double.compare(n.doubleValue(), value.doubleValue());
    }
    String s = metric.toString().trim();
    try {
      if (LONG.matcher(s).matches()) {
        return Long.compare(Long.parseLong(s), value.longValue());
      }
      return Double.compare(Double.parseDouble(s), value.doubleValue());
    } catch (NumberFormatException e) {
      throw DruidException.invalidInput("Having spec of type[%s]: value[%s] of column is not a number", "numeric", s);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumericHavingSpec that && type.equals(that.type) && aggregation.equals(that.aggregation)
        && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, aggregation, value);
  }

  @Override
  public String toString() {
    return aggregation + " " + type + " " + value;
  }
}
