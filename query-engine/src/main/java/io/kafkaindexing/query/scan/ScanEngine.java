package io.kafkaindexing.query.scan;

import io.kafkaindexing.query.QueryDeadline;
import io.kafkaindexing.query.QuerySegment;
import io.kafkaindexing.query.engine.ColumnTypes;
import io.kafkaindexing.query.engine.FilteredCursor;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.read.ColumnNames;
import io.kafkaindexing.segment.read.SegmentView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a scan query on one segment: reads the matching rows' stored values (string columns as a
 * String, a List for several values, or null; numbers and metrics as stored; {@code __time} as
 * epoch millis). Reads at most {@code offset + limit} rows, from the end when the order is
 * descending. Stateless.
 */
public final class ScanEngine {
  public ScanPartial run(ScanQuery query, QuerySegment segment, QueryDeadline deadline) {
    List<String> columns = columns(query, segment.view());
    List<Map<String, Object>> signature = new ArrayList<>();
    FilteredCursor cursor = new FilteredCursor(segment, query.getFilter(), query.virtualColumns(), deadline);
    ColumnValueSelector[] selectors = new ColumnValueSelector[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      String c = columns.get(i);
      boolean string = !ColumnNames.TIME.equals(c) && isString(cursor, c);
      selectors[i] = string ? cursor.selectors().makeDimensionSelector(c) : cursor.selectors().makeColumnValueSelector(c);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", c);
      String type = ColumnNames.TIME.equals(c) ? "LONG" : ColumnTypes.name(cursor.selectors().getColumnCapabilities(c));
      if (type != null) {
        entry.put("type", type);
      }
      signature.add(entry);
    }
    long wanted = query.getLimit() == Long.MAX_VALUE ? Long.MAX_VALUE : query.getLimit() + query.getOffset();
    boolean fromEnd = query.order() == ScanQuery.Order.DESCENDING;
    List<ScanPartial.Row> rows = new ArrayList<>();
    for (; !cursor.isDone() && (fromEnd || rows.size() < wanted); cursor.advance()) {
      Object[] values = new Object[selectors.length];
      for (int i = 0; i < selectors.length; i++) {
        values[i] = selectors[i].getObject();
      }
      rows.add(new ScanPartial.Row(cursor.time(), values));
    }
    if (fromEnd) {
      Collections.reverse(rows);
      if (rows.size() > wanted) {
        rows = new ArrayList<>(rows.subList(0, (int) wanted));
      }
    }
    return new ScanPartial(segment.id().toString(), columns, signature, rows);
  }

  private static boolean isString(FilteredCursor cursor, String column) {
    var caps = cursor.selectors().getColumnCapabilities(column);
    return caps == null || !caps.type().isNumeric();
  }

  /** The query's columns, or {@code __time}, the virtual columns and the segment's dimensions and metrics. */
  private static List<String> columns(ScanQuery query, SegmentView view) {
    if (!query.getColumns().isEmpty()) {
      return query.getColumns();
    }
    Set<String> all = new LinkedHashSet<>();
    all.add(ColumnNames.TIME);
    query.virtualColumns().list().forEach(v -> all.add(v.getOutputName()));
    all.addAll(view.getDimensionNames());
    all.addAll(view.getMetricNames());
    return new ArrayList<>(all);
  }
}
