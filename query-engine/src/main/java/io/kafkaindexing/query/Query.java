package io.kafkaindexing.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.segment.granularity.Granularity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.Interval;

/**
 * A native Druid query: its {@code queryType} (the JSON type id, registered by name in
 * {@link QueryJacksonModule}, never listed here), {@code dataSource}, {@code intervals} and
 * {@code context}. Subclasses add their fields, defaults and validation in their creator.
 * Immutable and thread-safe.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "queryType")
public abstract class Query {
  private final DataSource dataSource;
  private final QuerySegmentSpec intervals;
  private final Map<String, Object> context;

  protected Query(DataSource dataSource, QuerySegmentSpec intervals, Map<String, Object> context) {
    if (dataSource == null) {
      throw DruidException.invalidInput("Missing required field[dataSource] in the query");
    }
    if (intervals == null) {
      throw DruidException.invalidInput("Missing required field[intervals] in the query: give a list of ISO-8601 "
          + "intervals such as [\"2018-03-06/2018-03-07\"]");
    }
    this.dataSource = dataSource;
    this.intervals = intervals;
    this.context = context == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(context));
  }

  /** The JSON {@code queryType}. */
  public abstract String getType();

  /** How results are bucketed in time. */
  public abstract Granularity getGranularity();

  /** A copy with {@code context} instead of this query's context. */
  public abstract Query withContext(Map<String, Object> context);

  @JsonProperty("dataSource")
  public DataSource getDataSource() {
    return dataSource;
  }

  @JsonProperty("intervals")
  public QuerySegmentSpec getQuerySegmentSpec() {
    return intervals;
  }

  /** The query intervals, sorted and condensed (overlapping or abutting ones merged). */
  public List<Interval> getIntervals() {
    return intervals.getIntervals();
  }

  @JsonProperty("context")
  public Map<String, Object> getContext() {
    return context;
  }

  /** The context value {@code queryId}, or null. */
  public String getId() {
    Object id = context.get(QueryContexts.QUERY_ID);
    return id == null ? null : id.toString();
  }

  /** A copy whose context has {@code queryId} = {@code id}. */
  public Query withId(String id) {
    Map<String, Object> copy = new LinkedHashMap<>(context);
    copy.put(QueryContexts.QUERY_ID, id);
    return withContext(copy);
  }
}
