package io.kafkaindexing.query.topn;

import io.kafkaindexing.query.QueryDeadline;
import io.kafkaindexing.query.QuerySegment;
import io.kafkaindexing.query.QueryToolkit;
import io.kafkaindexing.query.Result;
import java.util.List;
import java.util.Map;

/** The {@code topN} query type: {@link TopNEngine} per segment, {@link TopNMerger} across. */
public final class TopNToolkit implements QueryToolkit<TopNQuery, List<Result<List<Map<String, Object>>>>> {
  private final TopNEngine engine = new TopNEngine();
  private final TopNMerger merger = new TopNMerger();

  @Override
  public boolean segmentsInParallel() {
    return true;
  }

  @Override
  public Class<TopNQuery> queryClass() {
    return TopNQuery.class;
  }

  @Override
  public List<Result<List<Map<String, Object>>>> runOnSegment(TopNQuery query, QuerySegment segment,
      QueryDeadline deadline) {
    return engine.run(query, segment, deadline);
  }

  @Override
  public List<?> merge(TopNQuery query, List<List<Result<List<Map<String, Object>>>>> partials) {
    return merger.merge(query, partials);
  }

  @Override
  public PartialFold<List<Result<List<Map<String, Object>>>>> newFold(TopNQuery query) {
    return new TopNFold(query, merger);
  }
}
