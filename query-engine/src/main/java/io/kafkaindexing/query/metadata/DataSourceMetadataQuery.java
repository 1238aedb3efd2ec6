package io.kafkaindexing.query.metadata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.query.DataSource;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QuerySegmentSpec;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.granularity.Granularity;
import java.util.Map;

/**
 * Druid's native {@code dataSourceMetadata} query: the latest event time ingested into the data
 * source ({@code maxIngestedEventTime}), over {@code intervals} (default: all time). Immutable.
 */
public final class DataSourceMetadataQuery extends Query {
  public static final String TYPE = "dataSourceMetadata";

  @JsonCreator
  public DataSourceMetadataQuery(@JsonProperty("dataSource") DataSource dataSource,
      @JsonProperty("intervals") QuerySegmentSpec intervals, @JsonProperty("context") Map<String, Object> context) {
    super(dataSource, intervals == null ? QuerySegmentSpec.ETERNITY : intervals, context);
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public Granularity getGranularity() {
    return Granularities.ALL;
  }

  @Override
  public DataSourceMetadataQuery withContext(Map<String, Object> context) {
    return new DataSourceMetadataQuery(getDataSource(), getQuerySegmentSpec(), context);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataSourceMetadataQuery that && getDataSource().equals(that.getDataSource())
        && getQuerySegmentSpec().equals(that.getQuerySegmentSpec()) && getContext().equals(that.getContext());
  }

  @Override
  public int hashCode() {
    return getDataSource().hashCode() * 31 + getQuerySegmentSpec().hashCode();
  }

  @Override
  public String toString() {
    return "DataSourceMetadataQuery{dataSource=" + getDataSource() + ", intervals=" + getIntervals() + "}";
  }
}
