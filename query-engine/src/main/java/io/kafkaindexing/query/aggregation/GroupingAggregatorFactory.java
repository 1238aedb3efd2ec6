package io.kafkaindexing.query.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.segment.aggregation.Aggregator;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ValueType;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Druid's {@code {"type": "grouping", "name", "groupings": [...]}} aggregator for groupBy queries
 * with a {@code subtotalsSpec}: an n-bit number (n = the number of groupings) whose bit for the
 * grouping at position i, counted from the most significant, is 0 when the row's grouping set holds
 * that dimension and 1 otherwise. The groupBy merger sets it per grouping set
 * ({@link #valueFor}); read row by row it is the value of the full grouping. Immutable.
 */
public final class GroupingAggregatorFactory extends AggregatorFactory {
  public static final String TYPE = "grouping";

  private final String name;
  private final List<String> groupings;

  @JsonCreator
  public GroupingAggregatorFactory(@JsonProperty("name") String name,
      @JsonProperty("groupings") List<String> groupings) {
    if (name == null || name.isEmpty()) {
      throw DruidException.invalidInput("Aggregator of type[grouping] needs a field[name]");
    }
    if (groupings == null || groupings.isEmpty()) {
      throw DruidException.invalidInput("Aggregator of type[grouping] named[%s] needs a non-empty field[groupings]",
          name);
    }
    if (groupings.size() > 63) {
      throw DruidException.invalidInput("Aggregator of type[grouping] named[%s] takes at most 63 field[groupings], "
          + "got[%d]", name, groupings.size());
    }
    this.name = name;
    this.groupings = List.copyOf(groupings);
  }

  @Override
  @JsonProperty
  public String getName() {
    return name;
  }

  @JsonProperty
  public List<String> getGroupings() {
    return groupings;
  }

  /** The value for rows grouped by {@code keyDimensions} (output names). */
  public long valueFor(Collection<String> keyDimensions) {
    long value = 0;
    for (String grouping : groupings) {
      value = (value << 1) | (keyDimensions.contains(grouping) ? 0 : 1);
    }
    return value;
  }

  @Override
  public List<String> requiredFields() {
    return List.of();
  }

  @Override
  public Aggregator factorize(ColumnSelectorFactory columns) {
    long value = valueFor(groupings);
    return new Aggregator() {
      @Override
      public void aggregate() {}

      @Override
      public Object get() {
        return value;
      }

      @Override
      public boolean isNull() {
        return false;
      }

      @Override
      public long getLong() {
        return value;
      }

      @Override
      public double getDouble() {
        return value;
      }
    };
  }

  @Override
  public Object combine(Object lhs, Object rhs) {
    return lhs != null ? lhs : rhs;
  }

  @Override
  public AggregatorFactory getCombiningFactory() {
    return this;
  }

  @Override
  public ValueType getIntermediateType() {
    return ValueType.LONG;
  }

  @Override
  public Comparator<Object> getComparator() {
    return Comparator.nullsFirst(Comparator.comparingLong(o -> ((Number) o).longValue()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GroupingAggregatorFactory that && name.equals(that.name) && groupings.equals(that.groupings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, groupings);
  }

  @Override
  public String toString() {
    return "grouping(" + groupings + ")";
  }
}
