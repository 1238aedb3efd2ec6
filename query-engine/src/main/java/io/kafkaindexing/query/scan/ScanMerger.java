package io.kafkaindexing.query.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assembles scan results as Druid's Broker does. Unordered: segments in time order, {@code offset}
 * rows skipped and at most {@code limit} kept overall, each segment's rows in batches of
 * {@code batchSize} carrying the segment id. Time-ordered: all rows merged by time (ties in segment
 * order), then offset and limit, in batches without segment id. Stateless.
 */
public final class ScanMerger {
  public List<ScanResultValue> merge(ScanQuery query, List<ScanPartial> partials) {
    if (query.order() == ScanQuery.Order.NONE) {
      return unordered(query, partials);
    }
    List<Tagged> all = new ArrayList<>();
    for (ScanPartial p : partials) {
      for (ScanPartial.Row r : p.rows()) {
        all.add(new Tagged(p, r));
      }
    }
    Comparator<Tagged> byTime = Comparator.comparingLong(t -> t.row().time());
    all.sort(query.order() == ScanQuery.Order.DESCENDING ? byTime.reversed() : byTime);
    List<Tagged> kept = window(all, query);
    if (kept.isEmpty()) {
      return List.of();
    }
    Set<String> columns = new LinkedHashSet<>();
    Map<String, Map<String, Object>> signature = new LinkedHashMap<>();
    for (ScanPartial p : partials) {
      columns.addAll(p.columns());
      p.rowSignature().forEach(e -> signature.putIfAbsent((String) e.get("name"), e));
    }
    List<String> columnList = new ArrayList<>(columns);
    List<Object> events = new ArrayList<>();
    for (Tagged t : kept) {
      events.add(event(query, t.partial().columns(), t.row(), columnList));
    }
    return batches(query, null, columnList, events, new ArrayList<>(signature.values()));
  }

  private static List<ScanResultValue> unordered(ScanQuery query, List<ScanPartial> partials) {
    List<ScanResultValue> out = new ArrayList<>();
    long skip = query.getOffset();
    long remaining = query.getLimit();
    for (ScanPartial p : partials) {
      List<Object> events = new ArrayList<>();
      for (ScanPartial.Row r : p.rows()) {
        if (remaining == 0) {
          break;
        }
        if (skip > 0) {
          skip--;
          continue;
        }
        events.add(event(query, p.columns(), r, p.columns()));
        remaining--;
      }
      if (!events.isEmpty()) {
        out.addAll(batches(query, p.segmentId(), p.columns(), events, p.rowSignature()));
      }
    }
    return out;
  }

  private static <T> List<T> window(List<T> rows, ScanQuery query) {
    long from = Math.min(query.getOffset(), rows.size());
    long to = Math.min(rows.size(), from + Math.min(query.getLimit(), rows.size()));
    return rows.subList((int) from, (int) to);
  }

  private static Object event(ScanQuery query, List<String> rowColumns, ScanPartial.Row row, List<String> columns) {
    if (query.isCompacted()) {
      if (rowColumns == columns) {
        return Arrays.asList(row.values());
      }
      List<Object> values = new ArrayList<>(columns.size());
      for (String c : columns) {
        int i = rowColumns.indexOf(c);
        values.add(i < 0 ? null : row.values()[i]);
      }
      return values;
    }
    Map<String, Object> event = new LinkedHashMap<>();
    for (int i = 0; i < rowColumns.size(); i++) {
      event.put(rowColumns.get(i), row.values()[i]);
    }
    return event;
  }

  private static List<ScanResultValue> batches(ScanQuery query, String segmentId, List<String> columns,
      List<Object> events, List<Map<String, Object>> signature) {
    List<ScanResultValue> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i += query.getBatchSize()) {
      out.add(new ScanResultValue(segmentId, columns,
          new ArrayList<>(events.subList(i, Math.min(events.size(), i + query.getBatchSize()))), signature));
    }
    return out;
  }

  /** A row with the segment it came from. */
  private record Tagged(ScanPartial partial, ScanPartial.Row row) {}
}
