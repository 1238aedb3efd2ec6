package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ValueType;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** {@code {"type": "count", "name"}}: the number of input rows; never null. Immutable. */
public final class CountAggregatorFactory extends AggregatorFactory {
  private final String name;

  @JsonCreator
  public CountAggregatorFactory(@JsonProperty("name") String name) {
    this.name = NumericKind.requireName(name, "count");
  }

  @Override
  @JsonProperty
  public String getName() {
    return name;
  }

  @Override
  public List<String> requiredFields() {
    return List.of();
  }

  @Override
  public Aggregator factorize(ColumnSelectorFactory columns) {
    return new CountAggregator();
  }

  @Override
  public Object combine(Object lhs, Object rhs) {
    return NumericKind.LONG_SUM.combine(lhs, rhs);
  }

  @Override
  public AggregatorFactory getCombiningFactory() {
    return new LongSumAggregatorFactory(name, name, null);
  }

  @Override
  public ValueType getIntermediateType() {
    return ValueType.LONG;
  }

  @Override
  public Comparator<Object> getComparator() {
    return NumericKind.LONG_SUM.comparator();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CountAggregatorFactory that && name.equals(that.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash("count", name);
  }

  @Override
  public String toString() {
    return "count(" + name + ")";
  }

  /** Counts calls to {@link #aggregate()}. */
  private static final class CountAggregator implements Aggregator {
    private long count;

    @Override
    public void aggregate() {
      count++;
    }

    @Override
    public Object get() {
      return count;
    }

    @Override
    public boolean isNull() {
      return false;
    }

    @Override
    public long getLong() {
      return count;
    }

    @Override
    public double getDouble() {
      return count;
    }
  }
}
