package io.kafkaindexing.segment.persisted;

import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.format.BlockCompression;
import io.kafkaindexing.segment.read.Segment;
import io.kafkaindexing.segment.read.SegmentMetadata;
import io.kafkaindexing.segment.read.SegmentView;
import java.io.File;
import java.io.IOException;
import io.kafkaindexing.segment.read.Cursor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.Interval;

/**
 * Merges segments of one interval (in-memory indexes and/or persisted segments) into one persisted
 * segment: rows re-sorted by time then dimensions and, when the metadata says rollup, rows with
 * equal time and dimensions combined by the metrics' combining aggregators. Dimensions are the
 * union in order of first appearance; metrics the union, sorted by name. Persisted inputs are
 * streamed (k-way merge of their stored order); in-memory inputs are sorted in memory; the merged
 * rows are held column by column (about 8 bytes per number and 4 per string value a row) until
 * written. Stateless and thread-safe; the inputs must not change while they are merged (an
 * incremental index must not take rows).
 */
public final class SegmentMerger {
  private SegmentMerger() {}

  /**
   * Merges {@code segments} into a new segment in {@code dir} covering {@code interval} (rows
   * outside it are left out).
   *
   * @param metadata what metadata.drd records (aggregators in ingestion or stored form); null to
   *     take the first segment's
   * @return {@code dir}
   */
  public static File merge(List<? extends Segment> segments, Interval interval, File dir, SegmentMetadata metadata)
      throws IOException {
    return merge(segments, interval, dir, metadata, BlockCompression.LZ4_HIGH);
  }

  /** As {@link #merge(List, Interval, File, SegmentMetadata)}, compressing with {@code compression}. */
  public static File merge(List<? extends Segment> segments, Interval interval, File dir, SegmentMetadata metadata,
      BlockCompression compression) throws IOException {
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("Nothing to merge into " + dir);
    }
    List<SegmentView> views = new ArrayList<>();
    try {
      for (Segment s : segments) {
        views.add(s.open());
      }
      SegmentMetadata meta = metadata != null ? metadata : views.get(0).getMetadata();
      Map<String, String> complexTypes = new LinkedHashMap<>();
      for (Segment s : segments) {
        PersistedSegment p = s.as(PersistedSegment.class);
        if (p != null) {
          p.columns().forEach((name, column) -> {
            if (column instanceof PersistedColumn.Complex c) {
              complexTypes.putIfAbsent(name, c.part().typeName());
            }
          });
        }
      }
      for (AggregatorFactory a : meta.aggregators()) {
        String typeName = a.getCombiningFactory().getComplexTypeName();
        if (typeName != null) {
          complexTypes.putIfAbsent(a.getName(), typeName);
        }
      }
      SegmentSchema schema = SegmentSchema.of(views, meta.aggregators(), complexTypes::get);
      boolean rollup = Boolean.TRUE.equals(meta.rollup());
      if (segments.size() == 1 && segments.get(0).as(PersistedSegment.class) == null) {
        MergedColumns direct = readInOrder(views.get(0), schema, interval, rollup);
        if (direct != null) {
          return SegmentWriter.write(direct, interval, meta, dir, compression);
        }
      }
      List<RowSource> sources = new ArrayList<>();
      for (int i = 0; i < views.size(); i++) {
        sources.add(source(segments.get(i), views.get(i), schema, interval, rollup));
      }
      return SegmentWriter.write(kWayMerge(sources, schema, rollup), interval, meta, dir, compression);
    } finally {
      for (SegmentView v : views) {
        v.close();
      }
    }
  }

  /**
   * The rows of one in-memory input read straight into columns, when they come in stored order
   * (an incremental index under rollup reads them sorted and distinct): what sorting, rolling up
   * and copying them would give. Null as soon as a row is out of order (then they go the general
   * way, having been read only up to it).
   */
  private static MergedColumns readInOrder(SegmentView view, SegmentSchema schema, Interval interval,
      boolean rollup) {
    Cursor cursor = view.makeCursor(interval);
    RowTable.RowReader reader = new RowTable.RowReader(schema, view, cursor);
    MergedColumns out = new MergedColumns(schema, view.getNumRows());
    for (; !cursor.isDone(); cursor.advance()) {
      reader.appendTo(out);
      int last = out.size() - 1;
      if (last > 0) {
        int c = out.compareRows(last - 1, last);
        if (c > 0 || (c == 0 && rollup)) {
          return null;
        }
      }
    }
    return out;
  }

  /**
   * The rows of one input in stored order: a persisted segment whose dimensions keep the merged
   * order is streamed from its cursor; anything else (an in-memory index) is read, sorted and
   * rolled up in memory.
   */
  private static RowSource source(Segment segment, SegmentView view, SegmentSchema schema, Interval interval,
      boolean rollup) {
    if (segment.as(PersistedSegment.class) != null && keepsOrder(view.getDimensionNames(), schema)) {
      Cursor cursor = view.makeCursor(interval);
      return RowSource.of(cursor, new RowTable.RowReader(schema, view, cursor), RowTable.rowOrder(schema),
          segment.toString());
    }
    RowTable table = new RowTable(schema);
    table.addAll(view, interval);
    boolean distinct = table.sortAndRollup(rollup);
    return RowSource.of(table.rows(), distinct);
  }

  /** True when {@code dims} appear in the merged schema in the same relative order. */
  private static boolean keepsOrder(List<String> dims, SegmentSchema schema) {
    int next = 0;
    for (SegmentSchema.Column c : schema.dimensions()) {
      if (next < dims.size() && dims.get(next).equals(c.name())) {
        next++;
      }
    }
    return next == dims.size();
  }

  /**
   * Merges sorted sources into stored order; equal rows of different sources keep the order of the
   * sources and, under rollup, are combined. One source (a persist) is copied in its order, its
   * neighbours compared only when a rollup may combine them.
   */
  private static MergedColumns kWayMerge(List<RowSource> sources, SegmentSchema schema, boolean rollup) {
    Comparator<RowTable.Row> order = RowTable.rowOrder(schema);
    if (sources.size() == 1) {
      return copy(sources.get(0), schema, rollup && !sources.get(0).distinctRows(), order);
    }
    record Head(RowSource source, int index) {}
    PriorityQueue<Head> queue = new PriorityQueue<>((a, b) -> {
      int c = order.compare(a.source().current(), b.source().current());
      return c != 0 ? c : Integer.compare(a.index(), b.index());
    });
    for (int i = 0; i < sources.size(); i++) {
      if (sources.get(i).advance()) {
        queue.add(new Head(sources.get(i), i));
      }
    }
    MergedColumns out = new MergedColumns(schema);
    RowTable.Row pending = null;
    while (!queue.isEmpty()) {
      Head head = queue.poll();
      RowTable.Row row = head.source().current();
      if (pending != null && rollup && order.compare(pending, row) == 0) {
        pending = RowTable.combine(schema, pending, row);
      } else {
        if (pending != null) {
          out.append(pending);
        }
        pending = row;
      }
      if (head.source().advance()) {
        queue.add(head);
      }
    }
    if (pending != null) {
      out.append(pending);
    }
    return out;
  }

  /** The rows of one sorted source; under {@code combine} equal neighbours are rolled up. */
  private static MergedColumns copy(RowSource source, SegmentSchema schema, boolean combine,
      Comparator<RowTable.Row> order) {
    MergedColumns out = new MergedColumns(schema);
    RowTable.Row pending = null;
    while (source.advance()) {
      RowTable.Row row = source.current();
      if (pending != null && combine && order.compare(pending, row) == 0) {
        pending = RowTable.combine(schema, pending, row);
      } else {
        if (pending != null) {
          out.append(pending);
        }
        pending = row;
      }
    }
    if (pending != null) {
      out.append(pending);
    }
    return out;
  }

  /** Loads the persisted segments in {@code dirs}, merges them, and closes them again. */
  public static File mergeDirectories(List<File> dirs, Interval interval, File dir, SegmentMetadata metadata)
      throws IOException {
    List<PersistedSegment> segments = new ArrayList<>();
    try {
      for (File d : dirs) {
        segments.add(PersistedSegment.load(d));
      }
      return merge(segments, interval, dir, metadata);
    } finally {
      segments.forEach(PersistedSegment::close);
    }
  }
}
