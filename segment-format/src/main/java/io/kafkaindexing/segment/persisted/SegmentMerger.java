package io.kafkaindexing.segment.persisted;

import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.read.Segment;
import io.kafkaindexing.segment.read.SegmentMetadata;
import io.kafkaindexing.segment.read.SegmentView;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.Interval;

/**
 * Merges segments of one interval (in-memory indexes and/or persisted segments) into one persisted
 * segment: rows re-sorted by time then dimensions and, when the metadata says rollup, rows with
 * equal time and dimensions combined by the metrics' combining aggregators. Dimensions are the
 * union in order of first appearance; metrics the union, sorted by name. Stateless and thread-safe;
 * the inputs must not change while they are merged (an incremental index must not take rows).
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
      RowTable table = new RowTable(SegmentSchema.of(views, meta.aggregators(), complexTypes::get));
      for (SegmentView view : views) {
        table.addAll(view, interval);
      }
      table.sortAndRollup(Boolean.TRUE.equals(meta.rollup()));
      return SegmentWriter.write(table, interval, meta, dir);
    } finally {
      for (SegmentView v : views) {
        v.close();
      }
    }
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
