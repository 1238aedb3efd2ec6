package io.kafkaindexing.query.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.dimension.DefaultDimensionSpec;
import io.kafkaindexing.query.dimension.DimensionReader;
import io.kafkaindexing.query.dimension.DimensionSpec;
import io.kafkaindexing.segment.aggregation.Aggregator;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.aggregation.HyperLogLogSketch;
import io.kafkaindexing.segment.aggregation.HyperUniquesAggregatorFactory;
import io.kafkaindexing.segment.aggregation.Murmur3;
import io.kafkaindexing.segment.aggregation.SketchAggregator;
import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * {@code {"type": "cardinality", "name", "fields", "byRow", "round"}}: Druid's HyperLogLog estimate of
 * the distinct values of {@code fields} (column names or dimension specs) at query time. By value
 * (default) every non-null value of every field goes into one sketch; {@code byRow} counts distinct
 * combinations instead. Values are hashed as Druid hashes them (Murmur3 128 of the UTF-16LE chars;
 * longs and doubles by their 8 little-endian bytes), so estimates equal Druid's. The intermediate
 * value is a {@link HyperLogLogSketch} (complex type {@code hyperUnique}); the result its estimate.
 * Immutable.
 */
@JsonPropertyOrder({"type", "name", "fields", "byRow", "round"})
public final class CardinalityAggregatorFactory extends AggregatorFactory {
  public static final String TYPE_NAME = "cardinality";
  private static final char SEPARATOR = '\u0001';
  private static final String NULL_IN_LIST = "\u0000";

  private final String name;
  private final List<DimensionSpec> fields;
  private final boolean byRow;
  private final boolean round;

  @JsonCreator
  public CardinalityAggregatorFactory(@JsonProperty("name") String name,
      @JsonProperty("fields") List<DimensionSpec> fields, @JsonProperty("byRow") Boolean byRow,
      @JsonProperty("round") Boolean round) {
    if (name == null || name.isEmpty()) {
      throw DruidException.invalidInput("Aggregator of type[cardinality] needs a field[name]");
    }
    if (fields == null || fields.isEmpty()) {
      throw DruidException.invalidInput("Aggregator[" + name + "] of type[cardinality] needs a non-empty field[fields]");
    }
    this.name = name;
    this.fields = List.copyOf(fields);
    this.byRow = Boolean.TRUE.equals(byRow);
    this.round = Boolean.TRUE.equals(round);
  }

  @Override
  @JsonProperty
  public String getName() {
    return name;
  }

  @JsonProperty
  public List<DimensionSpec> getFields() {
    return fields;
  }

  @JsonProperty
  public boolean isByRow() {
    return byRow;
  }

  @JsonProperty
  public boolean isRound() {
    return round;
  }

  @Override
  public List<String> requiredFields() {
    return fields.stream().map(DimensionSpec::getDimension).toList();
  }

  @Override
  public Aggregator factorize(ColumnSelectorFactory columns) {
    List<DimensionReader> readers = new ArrayList<>(fields.size());
    for (DimensionSpec field : fields) {
      readers.add(new DimensionReader(asRead(field, columns), columns));
    }
    return new SketchAggregator() {
      private final HashInput row = new HashInput();

      @Override
      public void aggregate() {
        if (byRow) {
          row.reset();
          for (int k = 0; k < readers.size(); k++) {
            if (k != 0) {
              row.putByte((byte) 0);
            }
            hashRow(readers.get(k).read(), row);
          }
          sketch.addHash(Murmur3.hash128(row.bytes()));
        } else {
          for (DimensionReader reader : readers) {
            for (Object value : reader.read()) {
              if (value != null) {
                row.reset();
                row.putValue(value);
                sketch.addHash(Murmur3.hash128(row.bytes()));
              }
            }
          }
        }
      }

    };
  }

  /** A plain numeric column is hashed as numbers (Druid picks the strategy by column type), not as strings. */
  private static DimensionSpec asRead(DimensionSpec field, ColumnSelectorFactory columns) {
    ColumnCapabilities caps = columns.getColumnCapabilities(field.getDimension());
    if (field.getExtractionFn() == null && caps != null && caps.type().isNumeric()) {
      return new DefaultDimensionSpec(field.getDimension(), field.getOutputName(), caps.type());
    }
    return field;
  }

  /** One field's part of a row hash: nothing for no value or a lone null; sorted values joined otherwise. */
  private static void hashRow(List<Object> values, HashInput out) {
    if (values.size() == 1) {
      if (values.get(0) != null) {
        out.putValue(values.get(0));
      }
      return;
    }
    boolean anyValue = values.stream().anyMatch(Objects::nonNull);
    if (!anyValue) {
      return;
    }
    List<String> sorted = new ArrayList<>(values.size());
    for (Object v : values) {
      sorted.add(v == null ? NULL_IN_LIST : v.toString());
    }
    sorted.sort(Comparator.naturalOrder());
    for (int i = 0; i < sorted.size(); i++) {
      if (i != 0) {
        out.putChar(SEPARATOR);
      }
      out.putChars(sorted.get(i));
    }
  }

  @Override
  public Object combine(Object lhs, Object rhs) {
    return getCombiningFactory().combine(lhs, rhs);
  }

  @Override
  public AggregatorFactory getCombiningFactory() {
    return new HyperUniquesAggregatorFactory(name, name, false, round);
  }

  @Override
  public ValueType getIntermediateType() {
    return ValueType.COMPLEX;
  }

  @Override
  public String getComplexTypeName() {
    return HyperUniquesAggregatorFactory.TYPE_NAME;
  }

  @Override
  public ValueType getResultType() {
    return round ? ValueType.LONG : ValueType.DOUBLE;
  }

  @Override
  public Object finalizeComputation(Object intermediate) {
    return getCombiningFactory().finalizeComputation(intermediate);
  }

  @Override
  public Comparator<Object> getComparator() {
    return Comparator.nullsFirst(Comparator.comparingDouble(o -> ((HyperLogLogSketch) o).estimate()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CardinalityAggregatorFactory that && name.equals(that.name) && fields.equals(that.fields)
        && byRow == that.byRow && round == that.round;
  }

  @Override
  public int hashCode() {
    return Objects.hash(TYPE_NAME, name, fields, byRow, round);
  }

  @Override
  public String toString() {
    return "cardinality(" + name + " <- " + fields + (byRow ? " by row" : "") + ")";
  }

  /** The bytes Guava's hasher would see: chars as UTF-16LE, numbers little-endian. Reused per row. */
  private static final class HashInput {
    private byte[] buf = new byte[64];
    private int size;

    void reset() {
      size = 0;
    }

    byte[] bytes() {
      return Arrays.copyOf(buf, size);
    }

    void putByte(byte b) {
      ensure(1);
      buf[size++] = b;
    }

    void putChar(char c) {
      ensure(2);
      buf[size++] = (byte) c;
      buf[size++] = (byte) (c >>> 8);
    }

    void putChars(String s) {
      for (int i = 0; i < s.length(); i++) {
        putChar(s.charAt(i));
      }
    }

    void putLong(long v) {
      ensure(8);
      for (int i = 0; i < 8; i++) {
        buf[size++] = (byte) (v >>> (8 * i));
      }
    }

    void putInt(int v) {
      ensure(4);
      for (int i = 0; i < 4; i++) {
        buf[size++] = (byte) (v >>> (8 * i));
      }
    }

    /** Strings by their chars, longs by their bits, doubles and floats by their raw bits, as Druid's strategies. */
    void putValue(Object value) {
      if (value instanceof Long || value instanceof Integer) {
        putLong(((Number) value).longValue());
      } else if (value instanceof Double d) {
        putLong(Double.doubleToRawLongBits(d));
      } else if (value instanceof Float f) {
        putInt(Float.floatToRawIntBits(f));
      } else {
        putChars(value.toString());
      }
    }

    private void ensure(int n) {
      if (size + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
      }
    }
  }
}
