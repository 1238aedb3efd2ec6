package io.kafkaindexing.query.dimension;

import io.kafkaindexing.query.extraction.ExtractionFn;
import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.DimensionSelector;
import io.kafkaindexing.segment.column.IndexedInts;
import io.kafkaindexing.segment.column.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the values a {@link DimensionSpec} reports for the current row: each value of the column
 * (several for a multi-value row, one null for a null or missing value), mapped by the extraction
 * function, dropped unless the spec keeps them, and converted to the output type (a row left without
 * values reads as one null). Numeric columns are read as numbers (so an
 * extraction function sees a Long for {@code __time}). Not thread-safe.
 */
public final class DimensionReader {
  private final DimensionSpec spec;
  private final ExtractionFn extractionFn;
  private final ValueType outputType;
  private final DimensionSelector strings;
  private final ColumnValueSelector numbers;
  private final List<Object> row = new ArrayList<>(2);

  public DimensionReader(DimensionSpec spec, ColumnSelectorFactory columns) {
    this.spec = spec;
    this.extractionFn = spec.getExtractionFn();
    this.outputType = spec.getOutputType();
    ColumnCapabilities caps = columns.getColumnCapabilities(spec.getDimension());
    if (caps != null && caps.type().isNumeric()) {
      this.numbers = columns.makeColumnValueSelector(spec.getDimension());
      this.strings = null;
    } else {
      this.strings = columns.makeDimensionSelector(spec.getDimension());
      this.numbers = null;
    }
  }

  /** The current row's values; the list is reused by the next call. */
  public List<Object> read() {
    row.clear();
    if (numbers != null) {
      Object value = numbers.isNull() ? null : numbers.getObject();
      Object extracted = extractionFn != null ? extractionFn.apply(value) : value;
      row.add(spec.keeps(extracted == null ? null : String.valueOf(extracted)) ? convert(extracted, outputType) : null);
      return row;
    }
    IndexedInts ids = strings.getRow();
    for (int i = 0; i < ids.size(); i++) {
      String value = strings.lookupName(ids.get(i));
      Object extracted = extractionFn != null ? extractionFn.apply(value) : value;
      if (spec.keeps(extracted == null ? null : String.valueOf(extracted))) {
        row.add(convert(extracted, outputType));
      }
    }
    if (row.isEmpty()) {
      row.add(null);
    }
    return row;
  }

  /** {@code value} as {@code type}, as Druid converts grouping keys; null when it does not convert. */
  public static Object convert(Object value, ValueType type) {
    if (value == null) {
      return null;
    }
    switch (type) {
      case STRING:
        return value instanceof String s ? s : String.valueOf(value);
      case LONG: {
        Number n = toNumber(value);
        return n == null ? null : (Object) n.longValue();
      }
      case FLOAT: {
        Number n = toNumber(value);
        return n == null ? null : (Object) n.floatValue();
      }
      case DOUBLE: {
        Number n = toNumber(value);
        return n == null ? null : (Object) n.doubleValue();
      }
      default:
        return value;
    }
  }

  private static Number toNumber(Object value) {
    if (value instanceof Number n) {
      return n;
    }
    String s = value.toString().trim();
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e2) {
        return null;
      }
    }
  }
}
