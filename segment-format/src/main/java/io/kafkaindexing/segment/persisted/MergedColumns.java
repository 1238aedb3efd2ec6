package io.kafkaindexing.segment.persisted;

import io.kafkaindexing.segment.column.ValueType;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * The rows of a segment being written, kept column by column in compact arrays (8 bytes a number,
 * one reference a string value: values are the dictionaries' shared instances), in the order they
 * are appended, which is the stored order. Not thread-safe.
 */
final class MergedColumns {
  private final SegmentSchema schema;
  private final int numDims;
  private final ValueType[] types;
  private final long[][] numbers;
  private final MutableRoaringBitmap[] nulls;
  private final Object[][] objects;
  /**
   * Per single-valued string value given by {@link #setString}, the id the source's dictionary
   * gave it (-1 otherwise); null for columns that are not string dimensions or when no row came
   * with one.
   */
  private final int[][] sourceIds;
  /** Per column, 1 + the largest source id seen. */
  private final int[] sourceCardinality;
  private long[] times;
  private int size;

  MergedColumns(SegmentSchema schema) {
    this(schema, 1024);
  }

  /** Empty columns with room for {@code capacity} rows before they grow. */
  MergedColumns(SegmentSchema schema, int capacity) {
    capacity = Math.max(capacity, 16);
    this.times = new long[capacity];
    this.schema = schema;
    this.numDims = schema.dimensions().size();
    int n = numDims + schema.metrics().size();
    this.types = new ValueType[n];
    this.numbers = new long[n][];
    this.nulls = new MutableRoaringBitmap[n];
    this.objects = new Object[n][];
    this.sourceIds = new int[n][];
    this.sourceCardinality = new int[n];
    for (int c = 0; c < n; c++) {
      types[c] = (c < numDims ? schema.dimensions().get(c) : schema.metrics().get(c - numDims)).type();
      if (types[c].isNumeric()) {
        numbers[c] = new long[capacity];
        nulls[c] = new MutableRoaringBitmap();
      } else {
        objects[c] = new Object[capacity];
      }
    }
  }

  SegmentSchema schema() {
    return schema;
  }

  int size() {
    return size;
  }

  void append(RowTable.Row row) {
    ensureRoom();
    times[size] = row.time();
    for (int c = 0; c < types.length; c++) {
      Object v = c < numDims ? row.dims()[c] : row.metrics()[c - numDims];
      if (sourceIds[c] != null) {
        sourceIds[c][size] = -1;
      }
      if (numbers[c] == null) {
        objects[c][size] = v;
      } else if (v == null) {
        nulls[c].add(size);
      } else {
        numbers[c][size] = switch (types[c]) {
          case LONG -> ((Number) v).longValue();
          case FLOAT -> Float.floatToRawIntBits(((Number) v).floatValue());
          default -> Double.doubleToRawLongBits(((Number) v).doubleValue());
        };
      }
    }
    size++;
  }

  /**
   * Starts a row at {@code time} to be filled column by column ({@link #setObject},
   * {@link #setNull}, {@link #setLong}, {@link #setFloat}, {@link #setDouble}; a column left unset
   * holds 0) and ended by {@link #endRow}: {@link #append} without a row object or boxed numbers.
   */
  void beginRow(long time) {
    ensureRoom();
    times[size] = time;
  }

  /** True when column {@code c} (dimensions, then metrics) is kept as numbers. */
  boolean isNumeric(int c) {
    return numbers[c] != null;
  }

  void setObject(int c, Object value) {
    objects[c][size] = value;
  }

  /**
   * Sets a string dimension's value; {@code sourceId} is the id of a single value in the source's
   * dictionary (equal values, equal ids, within one source), or -1.
   */
  void setString(int c, Object value, int sourceId) {
    objects[c][size] = value;
    if (sourceId >= 0 || sourceIds[c] != null) {
      if (sourceIds[c] == null) {
        sourceIds[c] = new int[objects[c].length];
        Arrays.fill(sourceIds[c], 0, size, -1);
      }
      sourceIds[c][size] = sourceId;
      sourceCardinality[c] = Math.max(sourceCardinality[c], sourceId + 1);
    }
  }

  /**
   * Dimension {@code d}'s source dictionary ids by row (see {@link #setString}; -1 where none),
   * or null when no row has one. Shares the array: valid until the next append.
   */
  int[] dimensionSourceIds(int d) {
    return sourceIds[d];
  }

  /** 1 + the largest of {@link #dimensionSourceIds}. */
  int dimensionSourceCardinality(int d) {
    return sourceCardinality[d];
  }

  void setNull(int c) {
    nulls[c].add(size);
  }

  void setLong(int c, long value) {
    numbers[c][size] = value;
  }

  void setFloat(int c, float value) {
    numbers[c][size] = Float.floatToRawIntBits(value);
  }

  void setDouble(int c, double value) {
    numbers[c][size] = Double.doubleToRawLongBits(value);
  }

  void endRow() {
    size++;
  }

  /**
   * Compares rows {@code a} and {@code b} in {@link RowTable#rowOrder} (time, then each dimension:
   * null first, strings as {@link RowTable#compareValues} orders them, numbers numerically).
   */
  int compareRows(int a, int b) {
    int c = Long.compare(times[a], times[b]);
    for (int d = 0; c == 0 && d < numDims; d++) {
      c = numbers[d] == null ? RowTable.compareValues(types[d], objects[d][a], objects[d][b]) : compareNumbers(d, a, b);
    }
    return c;
  }

  private int compareNumbers(int c, int a, int b) {
    boolean nullA = nulls[c].contains(a);
    boolean nullB = nulls[c].contains(b);
    if (nullA || nullB) {
      return nullA ? (nullB ? 0 : -1) : 1;
    }
    long x = numbers[c][a];
    long y = numbers[c][b];
    return switch (types[c]) {
      case LONG -> Long.compare(x, y);
      case FLOAT -> Float.compare(Float.intBitsToFloat((int) x), Float.intBitsToFloat((int) y));
      default -> Double.compare(Double.longBitsToDouble(x), Double.longBitsToDouble(y));
    };
  }

  private void ensureRoom() {
    if (size == times.length) {
      int capacity = size + (size >> 1);
      times = Arrays.copyOf(times, capacity);
      for (int c = 0; c < types.length; c++) {
        if (numbers[c] != null) {
          numbers[c] = Arrays.copyOf(numbers[c], capacity);
        } else {
          objects[c] = Arrays.copyOf(objects[c], capacity);
        }
        if (sourceIds[c] != null) {
          sourceIds[c] = Arrays.copyOf(sourceIds[c], capacity);
        }
      }
    }
  }

  List<Object> times() {
    return new AbstractList<>() {
      @Override
      public Object get(int r) {
        return times[r];
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /**
   * A numeric column's raw values: {@code bits[r]} is the long, the float's int bits or the
   * double's long bits of row r (0 where {@code nulls} holds r). Shares the arrays: valid until the
   * next append.
   */
  record Numbers(long[] bits, int size, ImmutableRoaringBitmap nulls) {}

  Numbers timeNumbers() {
    return new Numbers(times, size, new MutableRoaringBitmap());
  }

  /** Numeric dimension {@code d} as raw values. */
  Numbers dimensionNumbers(int d) {
    return new Numbers(numbers[d], size, nulls[d]);
  }

  Numbers metricNumbers(int m) {
    return new Numbers(numbers[numDims + m], size, nulls[numDims + m]);
  }

  List<Object> dimension(int d) {
    return column(d);
  }

  List<Object> metric(int m) {
    return column(numDims + m);
  }

  private List<Object> column(int c) {
    return new AbstractList<>() {
      @Override
      public Object get(int r) {
        if (numbers[c] == null) {
          return objects[c][r];
        }
        if (nulls[c].contains(r)) {
          return null;
        }
        long bits = numbers[c][r];
        return switch (types[c]) {
          case LONG -> bits;
          case FLOAT -> Float.intBitsToFloat((int) bits);
          default -> Double.longBitsToDouble(bits);
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
