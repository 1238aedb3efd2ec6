package io.kafkaindexing.query.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.filter.DimFilter;
import io.kafkaindexing.query.filter.ValueMatcher;
import io.kafkaindexing.segment.aggregation.Aggregator;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ValueType;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * {@code {"type": "filtered", "filter", "aggregator", "name"}}: {@code aggregator} over only the
 * rows {@code filter} matches (unknown rows do not match); named {@code name}, or the aggregator's
 * name. Lives with the filters (query side) because it needs them. Immutable.
 */
public final class FilteredAggregatorFactory extends AggregatorFactory {
  private final DimFilter filter;
  private final AggregatorFactory aggregator;
  private final String name;

  @JsonCreator
  public FilteredAggregatorFactory(@JsonProperty("aggregator") AggregatorFactory aggregator,
      @JsonProperty("filter") DimFilter filter, @JsonProperty("name") String name) {
    if (aggregator == null) {
      throw DruidException.invalidInput("Aggregator of type[filtered] needs a field[aggregator]");
    }
    if (filter == null) {
      throw DruidException.invalidInput("Aggregator of type[filtered] needs a field[filter]");
    }
    this.aggregator = aggregator;
    this.filter = filter;
    this.name = name;
  }

  @Override
  public String getName() {
    return name != null ? name : aggregator.getName();
  }

  @JsonProperty
  public AggregatorFactory getAggregator() {
    return aggregator;
  }

  @JsonProperty
  public DimFilter getFilter() {
    return filter;
  }

  @Override
  public List<String> requiredFields() {
    return aggregator.requiredFields();
  }

  @Override
  public Aggregator factorize(ColumnSelectorFactory columns) {
    ValueMatcher matcher = filter.makeMatcher(columns);
    Aggregator delegate = aggregator.factorize(columns);
    return new Aggregator() {
      @Override
      public void aggregate() {
        if (matcher.matches(false)) {
          delegate.aggregate();
        }
      }

      @Override
      public Object get() {
        return delegate.get();
      }

      @Override
      public boolean isNull() {
        return delegate.isNull();
      }

      @Override
      public long getLong() {
        return delegate.getLong();
      }

      @Override
      public double getDouble() {
        return delegate.getDouble();
      }

      @Override
      public float getFloat() {
        return delegate.getFloat();
      }
    };
  }

  @Override
  public Object combine(Object lhs, Object rhs) {
    return aggregator.combine(lhs, rhs);
  }

  @Override
  public AggregatorFactory getCombiningFactory() {
    return aggregator.getCombiningFactory();
  }

  @Override
  public ValueType getIntermediateType() {
    return aggregator.getIntermediateType();
  }

  @Override
  public ValueType getResultType() {
    return aggregator.getResultType();
  }

  @Override
  public Object finalizeComputation(Object intermediate) {
    return aggregator.finalizeComputation(intermediate);
  }

  @Override
  public Comparator<Object> getComparator() {
    return aggregator.getComparator();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FilteredAggregatorFactory that && aggregator.equals(that.aggregator)
        && filter.equals(that.filter) && Objects.equals(name, that.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(aggregator, filter, name);
  }

  @Override
  public String toString() {
    return "filtered(" + aggregator + " where " + filter + ")";
  }
}
