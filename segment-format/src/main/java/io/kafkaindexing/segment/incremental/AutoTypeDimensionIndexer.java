package io.kafkaindexing.segment.incremental;

import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.ValueType;
import io.kafkaindexing.segment.read.ColumnIndexSupplier;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A dimension discovered with {@code dimensionsSpec.useSchemaDiscovery}: its type is detected from
 * the values, as Druid's {@code auto} columns do, and widened as values arrive: integral numbers make
 * it {@code long}, any other number makes it {@code double}, and any string, boolean, object or array
 * makes it {@code string} (arrays are multi-value strings here; Druid makes them ARRAY columns). A
 * dimension whose values are all null is a {@code string}. Values are stored as read (Long, Double,
 * String or List of String) and presented in the current type. No dictionary and no bitmap indexes:
 * queries read it with a cursor.
 */
final class AutoTypeDimensionIndexer extends DimensionIndexer {
  private static final int VALUE_BYTES = 24;
  private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

  /** The widest type seen: null (only nulls so far), LONG, DOUBLE or STRING. */
  private ValueType type;
  private boolean hasMultipleValues;

  AutoTypeDimensionIndexer(String name, int position) {
    super(name, position);
  }

  @Override
  Object encode(Object raw, Collection<String> parseErrors) {
    if (raw == null) {
      return null;
    }
    if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
      widen(ValueType.LONG);
      return ((Number) raw).longValue();
    }
    if (raw instanceof BigInteger big && big.bitLength() < 64) {
      widen(ValueType.LONG);
      return big.longValue();
    }
    if (raw instanceof Number n) {
      widen(ValueType.DOUBLE);
      return n.doubleValue();
    }
    widen(ValueType.STRING);
    if (raw instanceof List<?> list) {
      if (list.isEmpty()) {
        return null;
      }
      List<String> values = new ArrayList<>(list.size());
      list.forEach(v -> values.add(v == null ? null : String.valueOf(v)));
      hasMultipleValues |= values.size() > 1;
      return values.size() == 1 ? values.get(0) : Collections.unmodifiableList(values);
    }
    return String.valueOf(raw);
  }

  private void widen(ValueType seen) {
    if (type == null || type == ValueType.LONG && seen != ValueType.LONG
        || type == ValueType.DOUBLE && seen == ValueType.STRING) {
      type = seen;
    }
  }

  /** The current type; a dimension with only nulls is a string. */
  private ValueType currentType() {
    return type == null ? ValueType.STRING : type;
  }

  /** Numbers numerically before strings, strings before multi-value lists (element-wise, then length). */
  @Override
  int compareEncoded(Object a, Object b) {
    int kind = Integer.compare(kind(a), kind(b));
    if (kind != 0) {
      return kind;
    }
    if (a instanceof Number x) {
      int c = Double.compare(x.doubleValue(), ((Number) b).doubleValue());
      return c != 0 || !(a instanceof Long l && b instanceof Long m) ? c : Long.compare(l, m);
    }
    if (a instanceof String s) {
      return s.compareTo((String) b);
    }
    List<?> x = (List<?>) a;
    List<?> y = (List<?>) b;
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      int c = NULLS_FIRST.compare((String) x.get(i), (String) y.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }

  private static int kind(Object encoded) {
    return encoded instanceof Number ? 0 : encoded instanceof String ? 1 : 2;
  }

  @Override
  void index(int rowId, Object encoded) {
    // no indexes
  }

  @Override
  void backfillNulls(int rowCount) {
    // null is the absence of a value: nothing to record
  }

  @Override
  long rowBytes(Object encoded) {
    return encoded == null ? 0 : encoded instanceof String s ? 40 + 2L * s.length() : VALUE_BYTES;
  }

  @Override
  long indexBytes() {
    return 0;
  }

  @Override
  ColumnCapabilities capabilities() {
    return new ColumnCapabilities(currentType(), false, false, hasMultipleValues);
  }

  @Override
  ColumnValueSelector makeSelector(RowPointer rows) {
    ValueType asType = currentType();
    return new ColumnValueSelector() {
      private Object raw() {
        return rows.dim(position());
      }

      @Override
      public long getLong() {
        return raw() instanceof Number n ? n.longValue() : 0L;
      }

      @Override
      public double getDouble() {
        return raw() instanceof Number n ? n.doubleValue() : 0d;
      }

      @Override
      public float getFloat() {
        return raw() instanceof Number n ? n.floatValue() : 0f;
      }

      @Override
      public boolean isNull() {
        return raw() == null;
      }

      @Override
      public Object getObject() {
        Object v = raw();
        if (v == null || v instanceof List<?>) {
          return v;
        }
        return switch (asType) {
          case LONG -> ((Number) v).longValue();
          case DOUBLE -> ((Number) v).doubleValue();
          default -> String.valueOf(v);
        };
      }
    };
  }

  @Override
  ColumnIndexSupplier indexes() {
    return null;
  }
}
