package io.kafkaindexing.query.metadata;

import io.kafkaindexing.query.QueryDeadline;
import io.kafkaindexing.query.QuerySegment;
import io.kafkaindexing.query.QueryToolkit;
import io.kafkaindexing.query.timeline.TimelineEntry;
import java.util.List;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.joda.time.Period;

/**
 * The {@code segmentMetadata} query type: {@link SegmentAnalyzer} per segment; the analyses in
 * segment order, or merged into one (see {@link SegmentAnalysisMerger}) with {@code merge}; without
 * {@code intervals}, only the segments of the week before the latest segment's end.
 */
public final class SegmentMetadataToolkit implements QueryToolkit<SegmentMetadataQuery, SegmentAnalysis> {
  /** Druid's default {@code druid.query.segmentMetadata.defaultHistory}. */
  public static final String DEFAULT_HISTORY = "P1W";

  private final SegmentAnalyzer analyzer = new SegmentAnalyzer();

  @Override
  public Class<SegmentMetadataQuery> queryClass() {
    return SegmentMetadataQuery.class;
  }

  @Override
  public SegmentAnalysis runOnSegment(SegmentMetadataQuery query, QuerySegment segment, QueryDeadline deadline) {
    return analyzer.analyze(query, segment, deadline);
  }

  /**
   * Without {@code intervals}, as Druid's Broker with its default {@code defaultHistory} of one week:
   * the segments within {@value #DEFAULT_HISTORY} before the end of the latest one.
   */
  @Override
  public List<TimelineEntry> chooseSegments(SegmentMetadataQuery query, List<TimelineEntry> entries) {
    if (!query.isUsingDefaultInterval() || entries.isEmpty()) {
      return entries;
    }
    long end = entries.stream().mapToLong(e -> e.id().interval().getEndMillis()).max().orElseThrow();
    Interval recent = new Interval(new DateTime(end, DateTimeZone.UTC).minus(Period.parse(DEFAULT_HISTORY)),
        new DateTime(end, DateTimeZone.UTC));
    return entries.stream().filter(e -> e.interval().overlaps(recent)).toList();
  }

  @Override
  public List<?> merge(SegmentMetadataQuery query, List<SegmentAnalysis> partials) {
    if (!query.isMerge() || partials.isEmpty()) {
      return partials;
    }
    return List.of(SegmentAnalysisMerger.merge(query, partials));
  }
}
