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
  private long[] times = new long[1024];
  private int size;

  MergedColumns(SegmentSchema schema) {
    this.schema = schema;
    this.numDims = schema.dimensions().size();
    int n = numDims + schema.metrics().size();
    this.types = new ValueType[n];
    this.numbers = new long[n][];
    this.nulls = new MutableRoaringBitmap[n];
    this.objects = new Object[n][];
    for (int c = 0; c < n; c++) {
      types[c] = (c < numDims ? schema.dimensions().get(c) : schema.metrics().get(c - numDims)).type();
      if (types[c].isNumeric()) {
        numbers[c] = new long[1024];
        nulls[c] = new MutableRoaringBitmap();
      } else {
        objects[c] = new Object[1024];
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
    if (size == times.length) {
      int capacity = size + (size >> 1);
      times = Arrays.copyOf(times, capacity);
      for (int c = 0; c < types.length; c++) {
        if (numbers[c] != null) {
          numbers[c] = Arrays.copyOf(numbers[c], capacity);
        } else {
          objects[c] = Arrays.copyOf(objects[c], capacity);
        }
      }
    }
    times[size] = row.time();
    for (int c = 0; c < types.length; c++) {
      Object v = c < numDims ? row.dims()[c] : row.metrics()[c - numDims];
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
