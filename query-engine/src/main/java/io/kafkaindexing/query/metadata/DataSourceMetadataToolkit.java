package io.kafkaindexing.query.metadata;

import io.kafkaindexing.query.QueryDeadline;
import io.kafkaindexing.query.QuerySegment;
import io.kafkaindexing.query.QueryToolkit;
import io.kafkaindexing.query.Result;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * The {@code dataSourceMetadata} query type: each segment's latest ingested event time (see
 * {@link io.kafkaindexing.segment.read.SegmentView#getMaxIngestedEventTime()}); the largest, as
 * {@code [{"timestamp": t, "result": {"maxIngestedEventTime": t}}]}, or {@code []}. Stateless.
 */
public final class DataSourceMetadataToolkit implements QueryToolkit<DataSourceMetadataQuery, Long> {
  @Override
  public Class<DataSourceMetadataQuery> queryClass() {
    return DataSourceMetadataQuery.class;
  }

  @Override
  public Long runOnSegment(DataSourceMetadataQuery query, QuerySegment segment, QueryDeadline deadline) {
    return segment.view().getMaxIngestedEventTime();
  }

  @Override
  public List<?> merge(DataSourceMetadataQuery query, List<Long> partials) {
    Long max = null;
    for (Long p : partials) {
      max = max == null || p > max ? p : max;
    }
    if (max == null) {
      return List.of();
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("maxIngestedEventTime", new DateTime(max, DateTimeZone.UTC));
    return List.of(new Result<>(max, result));
  }
}
