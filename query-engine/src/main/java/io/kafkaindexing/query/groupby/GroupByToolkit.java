package io.kafkaindexing.query.groupby;

import io.kafkaindexing.query.QueryDeadline;
import io.kafkaindexing.query.QuerySegment;
import io.kafkaindexing.query.QueryToolkit;
import java.util.List;

/** The {@code groupBy} query type: {@link GroupByEngine} per segment, {@link GroupByMerger} across. */
public final class GroupByToolkit implements QueryToolkit<GroupByQuery, List<GroupRow>> {
  private final GroupByEngine engine = new GroupByEngine();
  private final GroupByMerger merger = new GroupByMerger();

  @Override
  public boolean segmentsInParallel() {
    return true;
  }

  @Override
  public Class<GroupByQuery> queryClass() {
    return GroupByQuery.class;
  }

  @Override
  public List<GroupRow> runOnSegment(GroupByQuery query, QuerySegment segment, QueryDeadline deadline) {
    return engine.run(query, segment, deadline);
  }

  @Override
  public List<?> merge(GroupByQuery query, List<List<GroupRow>> partials) {
    return merger.merge(query, partials);
  }
}
