package io.kafkaindexing.query.filter;

import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.DimensionSelector;
import io.kafkaindexing.segment.column.IndexedInts;
import io.kafkaindexing.segment.column.ValueType;
import io.kafkaindexing.segment.read.ColumnIndexSupplier;
import io.kafkaindexing.segment.read.DictionaryEncodedValueIndex;
import io.kafkaindexing.segment.read.SegmentView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * Rows whose {@code dimension} has one of a set of values (null allowed, matching null and missing
 * values): the common core of {@code selector} and {@code in}. A multi-value row matches when any
 * of its values does. Numeric columns compare numerically. A row that does not match but holds a
 * null (a null or missing value, or a null among its values) is unknown unless null is in the set.
 * Immutable.
 */
abstract class ValueSetFilter implements DimFilter {
  private final String dimension;
  private final Set<String> values;
  private final List<BigDecimal> numbers;

  ValueSetFilter(String type, String dimension, Set<String> values) {
    if (dimension == null || dimension.isEmpty()) {
      throw DruidException.invalidInput("Filter of type[%s] needs a field[dimension]", type);
    }
    this.dimension = dimension;
    this.values = Collections.unmodifiableSet(new HashSet<>(values));
    List<BigDecimal> parsed = new ArrayList<>();
    for (String v : values) {
      try {
        if (v != null) {
          parsed.add(new BigDecimal(v.trim()));
        }
      } catch (NumberFormatException e) {
        // not a number: matches no row of a numeric column
      }
    }
    this.numbers = List.copyOf(parsed);
  }

  String dimension() {
    return dimension;
  }

  Set<String> values() {
    return values;
  }

  @Override
  public ImmutableRoaringBitmap bitmap(SegmentView view, boolean includeUnknown) {
    ColumnCapabilities caps = view.getColumnCapabilities(dimension);
    if (caps == null) {
      boolean all = values.contains(null) || includeUnknown;
      MutableRoaringBitmap rows = new MutableRoaringBitmap();
      if (all) {
        rows.add(0L, view.getNumRows());
      }
      return rows;
    }
    ColumnIndexSupplier supplier = view.getIndexSupplier(dimension);
    DictionaryEncodedValueIndex index = supplier == null ? null : supplier.as(DictionaryEncodedValueIndex.class);
    if (index == null) {
      return null;
    }
    MutableRoaringBitmap rows = new MutableRoaringBitmap();
    for (String v : values) {
      int id = index.getId(v);
      if (id >= 0) {
        rows.or(index.getBitmap(id));
      }
    }
    if (includeUnknown && !values.contains(null) && index.getId(null) >= 0) {
      rows.or(index.getBitmap(index.getId(null)));
    }
    return rows;
  }

  @Override
  public ValueMatcher makeMatcher(ColumnSelectorFactory columns) {
    ColumnCapabilities caps = columns.getColumnCapabilities(dimension);
    if (caps != null && caps.type().isNumeric()) {
      return numericMatcher(columns.makeColumnValueSelector(dimension), caps.type());
    }
    DimensionSelector selector = columns.makeDimensionSelector(dimension);
    return includeUnknown -> {
      IndexedInts row = selector.getRow();
      boolean sawNull = false;
      for (int i = 0; i < row.size(); i++) {
        String value = selector.lookupName(row.get(i));
        if (values.contains(value)) {
          return true;
        }
        sawNull |= value == null;
      }
      return includeUnknown && sawNull;
    };
  }

  private ValueMatcher numericMatcher(ColumnValueSelector selector, ValueType type) {
    return includeUnknown -> {
      if (selector.isNull()) {
        return values.contains(null) || includeUnknown;
      }
      BigDecimal value = type == ValueType.LONG ? BigDecimal.valueOf(selector.getLong())
          : BigDecimal.valueOf(selector.getDouble());
      for (BigDecimal n : numbers) {
        if (n.compareTo(value) == 0) {
          return true;
        }
      }
      return false;
    };
  }
}
