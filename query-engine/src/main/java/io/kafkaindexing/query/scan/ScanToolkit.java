package io.kafkaindexing.query.scan;

import io.kafkaindexing.query.QueryDeadline;
import io.kafkaindexing.query.QuerySegment;
import io.kafkaindexing.query.QueryToolkit;
import java.util.List;

/** The {@code scan} query type: {@link ScanEngine} per segment, {@link ScanMerger} across. */
public final class ScanToolkit implements QueryToolkit<ScanQuery, ScanPartial> {
  private final ScanEngine engine = new ScanEngine();
  private final ScanMerger merger = new ScanMerger();

  @Override
  public Class<ScanQuery> queryClass() {
    return ScanQuery.class;
  }

  @Override
  public ScanPartial runOnSegment(ScanQuery query, QuerySegment segment, QueryDeadline deadline) {
    return engine.run(query, segment, deadline);
  }

  @Override
  public List<?> merge(ScanQuery query, List<ScanPartial> partials) {
    return merger.merge(query, partials);
  }
}
