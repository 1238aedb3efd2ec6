package io.kafkaindexing.segment.persisted;

import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.DimensionSelector;
import io.kafkaindexing.segment.column.IndexedInts;
import io.kafkaindexing.segment.column.ValueType;
import io.kafkaindexing.segment.format.Utf8Dictionary;
import io.kafkaindexing.segment.read.ColumnNames;
import io.kafkaindexing.segment.read.Cursor;
import io.kafkaindexing.segment.read.SegmentView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.joda.time.DateTimeZone;
import org.joda.time.Interval;

/**
 * The rows of one or more segment views brought into the order Druid stores them (time, then each
 * dimension in schema order: null first, strings in dictionary order, multi-value rows element by
 * element then by length, numbers numerically) and, under rollup, with rows of equal time and
 * dimensions combined by the metrics' combining aggregators. A string dimension value is a
 * {@code String}, a {@code String[]} of two or more values, or null; numbers are boxed. Not
 * thread-safe.
 */
final class RowTable {
  /** One stored row. */
  record Row(long time, Object[] dims, Object[] metrics) {}

  private final SegmentSchema schema;
  private final List<Row> rows = new ArrayList<>();

  RowTable(SegmentSchema schema) {
    this.schema = schema;
  }

  SegmentSchema schema() {
    return schema;
  }

  List<Row> rows() {
    return rows;
  }

  /** Adds every row of {@code view} whose time is in {@code interval}. */
  void addAll(SegmentView view, Interval interval) {
    Cursor cursor = view.makeCursor(interval);
    RowReader reader = new RowReader(schema, view, cursor);
    for (; !cursor.isDone(); cursor.advance()) {
      rows.add(reader.read());
    }
  }

  /** Reads the current row of a cursor in a schema's column order. Not thread-safe. */
  static final class RowReader {
    private final ValueType[] dimTypes;
    private final ValueType[] metricTypes;
    private final ColumnValueSelector time;
    private final ColumnValueSelector[] dimSelectors;
    private final ColumnValueSelector[] metricSelectors;

    RowReader(SegmentSchema schema, SegmentView view, Cursor cursor) {
      ColumnSelectorFactory f = cursor.getColumnSelectorFactory();
      List<SegmentSchema.Column> dims = schema.dimensions();
      List<SegmentSchema.Column> metrics = schema.metrics();
      this.dimTypes = new ValueType[dims.size()];
      for (int d = 0; d < dims.size(); d++) {
        dimTypes[d] = dims.get(d).type();
      }
      this.metricTypes = new ValueType[metrics.size()];
      for (int m = 0; m < metrics.size(); m++) {
        metricTypes[m] = metrics.get(m).type();
      }
      this.time = f.makeColumnValueSelector(ColumnNames.TIME);
      this.dimSelectors = new ColumnValueSelector[dims.size()];
      for (int d = 0; d < dims.size(); d++) {
        ColumnCapabilities caps = view.getColumnCapabilities(dims.get(d).name());
        dimSelectors[d] = caps == null ? null : dims.get(d).type() == ValueType.STRING
            ? f.makeDimensionSelector(dims.get(d).name()) : f.makeColumnValueSelector(dims.get(d).name());
      }
      this.metricSelectors = new ColumnValueSelector[metrics.size()];
      for (int m = 0; m < metrics.size(); m++) {
        metricSelectors[m] = view.getColumnCapabilities(metrics.get(m).name()) == null ? null
            : f.makeColumnValueSelector(metrics.get(m).name());
      }
    }

    Row read() {
      Object[] d = new Object[dimTypes.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = dimSelectors[i] == null ? null : dimTypes[i] == ValueType.STRING
            ? strings((DimensionSelector) dimSelectors[i]) : number(dimSelectors[i], dimTypes[i]);
      }
      Object[] m = new Object[metricTypes.length];
      for (int i = 0; i < m.length; i++) {
        ColumnValueSelector s = metricSelectors[i];
        m[i] = s == null ? null : metricTypes[i].isNumeric() ? number(s, metricTypes[i]) : s.getObject();
      }
      return new Row(time.getLong(), d, m);
    }

    /**
     * Appends the current row to {@code out} with the values {@link #read()} gives, as
     * {@link MergedColumns#append} stores them, without a row object or boxed numbers.
     */
    void appendTo(MergedColumns out) {
      out.beginRow(time.getLong());
      for (int i = 0; i < dimTypes.length; i++) {
        ColumnValueSelector s = dimSelectors[i];
        if (dimTypes[i] == ValueType.STRING) {
          if (s == null) {
            out.setString(i, null, -1);
          } else {
            DimensionSelector selector = (DimensionSelector) s;
            IndexedInts row = selector.getRow();
            if (row.size() == 1) {
              int id = row.get(0);
              String value = selector.lookupName(id);
              out.setString(i, value, value == null ? -1 : id);
            } else {
              out.setString(i, strings(selector), -1);
            }
          }
        } else {
          put(out, i, s, dimTypes[i]);
        }
      }
      int base = dimTypes.length;
      for (int i = 0; i < metricTypes.length; i++) {
        ColumnValueSelector s = metricSelectors[i];
        if (metricTypes[i].isNumeric()) {
          put(out, base + i, s, metricTypes[i]);
        } else {
          out.setObject(base + i, s == null ? null : s.getObject());
        }
      }
      out.endRow();
    }

    private static void put(MergedColumns out, int c, ColumnValueSelector s, ValueType type) {
      if (!out.isNumeric(c)) {
        out.setObject(c, s == null ? null : number(s, type));
      } else if (s == null || s.isNull()) {
        out.setNull(c);
      } else {
        switch (type) {
          case LONG -> out.setLong(c, s.getLong());
          case FLOAT -> out.setFloat(c, s.getFloat());
          default -> out.setDouble(c, s.getDouble());
        }
      }
    }
  }

  private static Object strings(DimensionSelector selector) {
    IndexedInts row = selector.getRow();
    if (row.size() == 1) {
      return selector.lookupName(row.get(0));
    }
    if (row.size() == 0) {
      return null;
    }
    String[] values = new String[row.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = selector.lookupName(row.get(i));
    }
    return values;
  }

  private static Object number(ColumnValueSelector s, ValueType type) {
    if (s.isNull()) {
      return null;
    }
    return switch (type) {
      case LONG -> s.getLong();
      case FLOAT -> s.getFloat();
      default -> s.getDouble();
    };
  }

  /**
   * Sorts the rows and, under rollup, combines rows with equal time and dimensions. Rows that are
   * already in order (an incremental index under rollup reads them so) are checked in one pass and
   * not sorted again; when that pass finds no two equal neighbours there is nothing to roll up.
   *
   * @return true when no two rows are equal afterwards (rolled up or found distinct)
   */
  boolean sortAndRollup(boolean rollup) {
    Comparator<Row> order = rowOrder();
    int n = rows.size();
    boolean ascending = true;
    boolean distinct = true;
    for (int i = 1; i < n && ascending; i++) {
      int c = order.compare(rows.get(i - 1), rows.get(i));
      ascending = c <= 0;
      distinct &= c != 0;
    }
    if (!ascending) {
      rows.sort(order);
    }
    if (n < 2 || (ascending && distinct)) {
      return true;
    }
    if (!rollup) {
      return false;
    }
    List<Row> out = new ArrayList<>(rows.size());
    Row current = rows.get(0);
    for (int i = 1; i < rows.size(); i++) {
      Row next = rows.get(i);
      if (order.compare(current, next) == 0) {
        current = combine(schema, current, next);
      } else {
        out.add(current);
        current = next;
      }
    }
    out.add(current);
    rows.clear();
    rows.addAll(out);
    return true;
  }

  Comparator<Row> rowOrder() {
    return rowOrder(schema);
  }

  /** Druid's row order: time, then each dimension in schema order. */
  static Comparator<Row> rowOrder(SegmentSchema schema) {
    List<SegmentSchema.Column> dims = schema.dimensions();
    ValueType[] types = new ValueType[dims.size()];
    for (int d = 0; d < types.length; d++) {
      types[d] = dims.get(d).type();
    }
    return (a, b) -> {
      int c = Long.compare(a.time(), b.time());
      for (int d = 0; c == 0 && d < types.length; d++) {
        c = compareValues(types[d], a.dims()[d], b.dims()[d]);
      }
      return c;
    };
  }

  /** {@code a} with {@code b}'s metrics folded in by each metric's combining aggregator. */
  static Row combine(SegmentSchema schema, Row a, Row b) {
    Object[] merged = a.metrics().clone();
    for (int m = 0; m < merged.length; m++) {
      AggregatorFactory c = schema.metrics().get(m).combiner();
      if (c == null) {
        throw new IllegalStateException("Cannot roll up metric[" + schema.metrics().get(m).name()
            + "]: its aggregator is unknown");
      }
      merged[m] = c.combine(merged[m], b.metrics()[m]);
    }
    return new Row(a.time(), a.dims(), merged);
  }

  static int compareValues(ValueType type, Object a, Object b) {
    if (type == ValueType.STRING && !(a instanceof String[]) && !(b instanceof String[])) {
      // single values (or null): the element comparison below on one-element arrays
      return a == b ? 0 : a == null ? -1 : b == null ? 1 : ((String) a).compareTo((String) b);
    }
    if (type != ValueType.STRING) {
      if (a == null || b == null) {
        return a == null ? (b == null ? 0 : -1) : 1;
      }
      return switch (type) {
        case LONG -> Long.compare((Long) a, (Long) b);
        case FLOAT -> Float.compare((Float) a, (Float) b);
        default -> Double.compare((Double) a, (Double) b);
      };
    }
    String[] x = a instanceof String[] arr ? arr : new String[] {(String) a};
    String[] y = b instanceof String[] arr ? arr : new String[] {(String) b};
    Comparator<String> order = Utf8Dictionary.order();
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = order.compare(x[i], y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  static Interval everything() {
    return new Interval(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2, DateTimeZone.UTC);
  }

}
