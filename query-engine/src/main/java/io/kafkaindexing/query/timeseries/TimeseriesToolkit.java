package io.kafkaindexing.query.timeseries;

import io.kafkaindexing.query.QueryDeadline;
import io.kafkaindexing.query.QuerySegment;
import io.kafkaindexing.query.QueryToolkit;
import io.kafkaindexing.query.Result;
import java.util.List;
import java.util.Map;

/** The {@code timeseries} query type: {@link TimeseriesEngine} per segment, {@link TimeseriesMerger} across. */
public final class TimeseriesToolkit implements QueryToolkit<TimeseriesQuery, List<Result<Map<String, Object>>>> {
  private final TimeseriesEngine engine = new TimeseriesEngine();
  private final TimeseriesMerger merger = new TimeseriesMerger();

  @Override
  public boolean segmentsInParallel() {
    return true;
  }

  @Override
  public Class<TimeseriesQuery> queryClass() {
    return TimeseriesQuery.class;
  }

  @Override
  public List<Result<Map<String, Object>>> runOnSegment(TimeseriesQuery query, QuerySegment segment,
      QueryDeadline deadline) {
    return engine.run(query, segment, deadline);
  }

  @Override
  public List<?> merge(TimeseriesQuery query, List<List<Result<Map<String, Object>>>> partials) {
    return merger.merge(query, partials);
  }
}
