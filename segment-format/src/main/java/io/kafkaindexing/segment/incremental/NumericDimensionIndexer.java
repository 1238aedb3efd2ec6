package io.kafkaindexing.segment.incremental;

import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.ValueType;
import io.kafkaindexing.segment.read.ColumnIndexSupplier;
import java.util.Collection;

/**
 * A {@code long}, {@code float} or {@code double} dimension: values stored boxed in the row's
 * type, null when missing, empty or unparseable (the latter reported as a parse error). No indexes.
 */
final class NumericDimensionIndexer extends DimensionIndexer {
  private static final int BOXED_BYTES = 24;

  private final ValueType type;

  NumericDimensionIndexer(String name, int position, ValueType type) {
    super(name, position);
    if (!type.isNumeric()) {
      throw new IllegalArgumentException("Dimension[" + name + "] of type[" + type.jsonName() + "] is not numeric");
    }
    this.type = type;
  }

  @Override
  Object encode(Object raw, Collection<String> parseErrors) {
    Number n;
    try {
      n = Values.toNumber(raw);
    } catch (IllegalArgumentException e) {
      parseErrors.add("Could not convert " + e.getMessage() + " of dimension[" + name() + "] to "
          + type.jsonName());
      return null;
    }
    if (n == null) {
      return null;
    }
    return switch (type) {
      case LONG -> n.longValue();
      case FLOAT -> n.floatValue();
      default -> n.doubleValue();
    };
  }

  @Override
  int compareEncoded(Object a, Object b) {
    return switch (type) {
      case LONG -> Long.compare((Long) a, (Long) b);
      case FLOAT -> Float.compare((Float) a, (Float) b);
      default -> Double.compare((Double) a, (Double) b);
    };
  }

  @Override
  void index(int rowId, Object encoded) {
    // no indexes on numeric dimensions
  }

  @Override
  void backfillNulls(int rowCount) {
    // null is the absence of a value: nothing to record
  }

  @Override
  long rowBytes(Object encoded) {
    return encoded == null ? 0 : BOXED_BYTES;
  }

  @Override
  long indexBytes() {
    return 0;
  }

  @Override
  ColumnCapabilities capabilities() {
    return ColumnCapabilities.simple(type);
  }

  @Override
  ColumnValueSelector makeSelector(RowPointer rows) {
    return new ColumnValueSelector() {
      private Number value() {
        return (Number) rows.dim(position());
      }

      @Override
      public long getLong() {
        Number v = value();
        return v == null ? 0L : v.longValue();
      }

      @Override
      public double getDouble() {
        Number v = value();
        return v == null ? 0d : v.doubleValue();
      }

      @Override
      public float getFloat() {
        Number v = value();
        return v == null ? 0f : v.floatValue();
      }

      @Override
      public boolean isNull() {
        return value() == null;
      }

      @Override
      public Object getObject() {
        return value();
      }
    };
  }

  @Override
  ColumnIndexSupplier indexes() {
    return null;
  }
}
