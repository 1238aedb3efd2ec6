package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.ValueType;
import io.kafkaindexing.segment.read.ColumnNames;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Base of {@code longFirst}, {@code doubleLast}, {@code stringFirst} and the other first/last
 * aggregators: {@code {"type", "name", "fieldName", "timeColumn"}} (plus {@code maxStringBytes},
 * default 1024, for strings). Keeps the value of the row with the earliest (first) or latest
 * (last) time in {@code timeColumn} (default {@code __time}); on equal times the first row seen
 * wins for first, the last for last. The value is kept even when null, as Druid does. The
 * intermediate value is a {@link SerializablePair} of time and value; the finalized value is the
 * value. Reading a column of such pairs (a stored first/last metric) folds the pairs. Immutable.
 */
public abstract class FirstLastAggregatorFactory extends AggregatorFactory {
  public static final int DEFAULT_MAX_STRING_BYTES = 1024;

  private final String type;
  private final boolean first;
  private final ValueType valueType;
  private final String name;
  private final String fieldName;
  private final String timeColumn;
  private final Integer maxStringBytes;

  FirstLastAggregatorFactory(String type, boolean first, ValueType valueType, String name, String fieldName,
      String timeColumn, Integer maxStringBytes) {
    this.type = type;
    this.first = first;
    this.valueType = valueType;
    this.name = NumericKind.requireName(name, type);
    if (fieldName == null || fieldName.isEmpty()) {
      throw new IllegalArgumentException("Aggregator[" + name + "] of type[" + type + "] must have a fieldName");
    }
    if (maxStringBytes != null && maxStringBytes < 0) {
      throw new IllegalArgumentException("Aggregator[" + name + "]: maxStringBytes must be >= 0, got[" + maxStringBytes
          + "]");
    }
    this.fieldName = fieldName;
    this.timeColumn = timeColumn == null ? ColumnNames.TIME : timeColumn;
    this.maxStringBytes = valueType == ValueType.STRING
        ? (maxStringBytes == null ? DEFAULT_MAX_STRING_BYTES : maxStringBytes) : null;
  }

  /** A factory of the same type with other fields (for the combining factory). */
  abstract FirstLastAggregatorFactory copy(String name, String fieldName);

  @Override
  @JsonProperty
  public String getName() {
    return name;
  }

  @JsonProperty
  public String getFieldName() {
    return fieldName;
  }

  @JsonProperty
  public String getTimeColumn() {
    return timeColumn;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public Integer getMaxStringBytes() {
    return maxStringBytes;
  }

  @Override
  public List<String> requiredFields() {
    return List.of(timeColumn, fieldName);
  }

  @Override
  public Aggregator factorize(ColumnSelectorFactory columns) {
    return new FirstLastAggregator(columns.makeColumnValueSelector(timeColumn),
        columns.makeColumnValueSelector(fieldName));
  }

  /** True when {@code candidate} replaces {@code current}. */
  private boolean wins(long candidate, long current) {
    return first ? candidate < current : candidate >= current;
  }

  @Override
  public Object combine(Object lhs, Object rhs) {
    if (lhs == null || rhs == null) {
      return lhs == null ? rhs : lhs;
    }
    SerializablePair a = (SerializablePair) lhs;
    SerializablePair b = (SerializablePair) rhs;
    return wins(b.lhs(), a.lhs()) ? b : a;
  }

  @Override
  public AggregatorFactory getCombiningFactory() {
    return copy(name, name);
  }

  @Override
  public ValueType getIntermediateType() {
    return ValueType.COMPLEX;
  }

  @Override
  public ValueType getResultType() {
    return valueType;
  }

  @Override
  public Object finalizeComputation(Object intermediate) {
    return intermediate instanceof SerializablePair p ? p.rhs() : intermediate;
  }

  /** Compares pairs by value, nulls first. */
  @Override
  public Comparator<Object> getComparator() {
    Comparator<Object> values = valueType == ValueType.STRING
        ? Comparator.comparing(o -> (String) o)
        : Comparator.comparingDouble(o -> ((Number) o).doubleValue());
    return Comparator.nullsFirst(Comparator.comparing(this::finalizeComputation, Comparator.nullsFirst(values)));
  }

  private Object convert(Object raw) {
    if (raw == null) {
      return null;
    }
    switch (valueType) {
      case STRING: {
        String s = raw instanceof List<?> l ? (l.size() == 1 ? String.valueOf(l.get(0)) : l.toString()) : raw.toString();
        return truncate(s, maxStringBytes);
      }
      case LONG:
        return raw instanceof Number n ? n.longValue() : parse(raw) == null ? null : parse(raw).longValue();
      case FLOAT:
        return raw instanceof Number n ? n.floatValue() : parse(raw) == null ? null : parse(raw).floatValue();
      default:
        return raw instanceof Number n ? n.doubleValue() : parse(raw) == null ? null : parse(raw).doubleValue();
    }
  }

  private static Number parse(Object raw) {
    try {
      return Double.parseDouble(raw.toString().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code s} cut to at most {@code maxBytes} UTF-8 bytes, never splitting a character. */
  static String truncate(String s, int maxBytes) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= maxBytes) {
      return s;
    }
    int end = s.length();
    while (end > 0 && s.substring(0, end).getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      end--;
    }
    return s.substring(0, end);
  }

  /** Folds rows (or stored pairs) into the winning (time, value). */
  private final class FirstLastAggregator implements Aggregator {
    private final ColumnValueSelector time;
    private final ColumnValueSelector value;
    private SerializablePair current;

    FirstLastAggregator(ColumnValueSelector time, ColumnValueSelector value) {
      this.time = time;
      this.value = value;
    }

    @Override
    public void aggregate() {
      Object raw = value.getObject();
      SerializablePair candidate;
      if (raw instanceof SerializablePair p) {
        candidate = new SerializablePair(p.lhs(), convert(p.rhs()));
      } else if (raw instanceof Map<?, ?> m && m.containsKey("lhs")) {
        candidate = new SerializablePair(((Number) m.get("lhs")).longValue(), convert(m.get("rhs")));
      } else {
        if (time.isNull()) {
          return;
        }
        candidate = new SerializablePair(time.getLong(), valueType == ValueType.STRING ? convert(raw)
            : value.isNull() ? null : convert(raw));
      }
      if (current == null || wins(candidate.lhs(), current.lhs())) {
        current = candidate;
      }
    }

    @Override
    public Object get() {
      return current;
    }

    @Override
    public boolean isNull() {
      return current == null || current.rhs() == null;
    }

    @Override
    public long getLong() {
      return isNull() ? 0L : ((Number) current.rhs()).longValue();
    }

    @Override
    public double getDouble() {
      return isNull() ? 0d : ((Number) current.rhs()).doubleValue();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FirstLastAggregatorFactory that && type.equals(that.type) && name.equals(that.name)
        && fieldName.equals(that.fieldName) && timeColumn.equals(that.timeColumn)
        && Objects.equals(maxStringBytes, that.maxStringBytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, name, fieldName, timeColumn, maxStringBytes);
  }

  @Override
  public String toString() {
    return type + "(" + name + " <- " + fieldName + ")";
  }
}
