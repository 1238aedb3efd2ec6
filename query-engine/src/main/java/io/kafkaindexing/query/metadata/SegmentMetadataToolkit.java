package io.kafkaindexing.query.metadata;

import io.kafkaindexing.query.QueryDeadline;
import io.kafkaindexing.query.QuerySegment;
import io.kafkaindexing.query.QueryToolkit;
import java.util.List;

/**
 * The {@code segmentMetadata} query type: {@link SegmentAnalyzer} per segment; the analyses in
 * segment order, or merged into one (see {@link SegmentAnalysisMerger}) with {@code merge}.
 */
public final class SegmentMetadataToolkit implements QueryToolkit<SegmentMetadataQuery, SegmentAnalysis> {
  private final SegmentAnalyzer analyzer = new SegmentAnalyzer();

  @Override
  public Class<SegmentMetadataQuery> queryClass() {
    return SegmentMetadataQuery.class;
  }

  @Override
  public SegmentAnalysis runOnSegment(SegmentMetadataQuery query, QuerySegment segment, QueryDeadline deadline) {
    return analyzer.analyze(query, segment, deadline);
  }

  @Override
  public List<?> merge(SegmentMetadataQuery query, List<SegmentAnalysis> partials) {
    if (!query.isMerge() || partials.isEmpty()) {
      return partials;
    }
    return List.of(SegmentAnalysisMerger.merge(query, partials));
  }
}
