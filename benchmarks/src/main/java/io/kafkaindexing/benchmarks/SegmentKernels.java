package io.kafkaindexing.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryDeadline;
import io.kafkaindexing.query.QuerySegment;
import io.kafkaindexing.query.QueryToolkit;
import io.kafkaindexing.query.groupby.GroupByToolkit;
import io.kafkaindexing.query.scan.ScanToolkit;
import io.kafkaindexing.query.search.SearchToolkit;
import io.kafkaindexing.query.timeseries.TimeseriesToolkit;
import io.kafkaindexing.query.topn.TopNToolkit;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.read.Segment;
import io.kafkaindexing.segment.read.SegmentView;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The per-segment step of a query as the Broker's and Historical's executor runs it: open a view
 * of the segment, run the query type's engine on it ({@link QueryToolkit#runOnSegment}) over the
 * segment's part of the query interval, close the view. Queries are those of {@code bin/bench}
 * (search, timeseries by hour, topN, groupBy, over 2018-03-06) plus the seed's scan. Stateless.
 */
public final class SegmentKernels {
  private static final String DS = "\"dataSource\":\"metrics-kafka\",";
  private static final String INTERVAL = "\"intervals\":[\"2018-03-06/2018-03-07\"]";
  private static final String AGGREGATIONS = "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"views\","
      + "\"fieldName\":\"views\"},{\"type\":\"doubleSum\",\"name\":\"latencyMs\",\"fieldName\":\"latencyMs\"}]";

  /** The queries by name, as the bench sends them (JSON). */
  public static final Map<String, String> QUERIES = Map.of(
      "search", "{\"queryType\":\"search\"," + DS + "\"searchDimensions\":[\"user\"],"
          + "\"query\":{\"type\":\"insensitive_contains\",\"value\":\"user4242\"},\"granularity\":\"all\","
          + INTERVAL + "}",
      "timeseries", "{\"queryType\":\"timeseries\"," + DS + "\"granularity\":\"hour\"," + AGGREGATIONS + ","
          + INTERVAL + "}",
      "topN", "{\"queryType\":\"topN\"," + DS + "\"dimension\":\"user\",\"threshold\":10,\"metric\":\"views\","
          + "\"granularity\":\"all\"," + AGGREGATIONS + "," + INTERVAL + "}",
      "groupBy", "{\"queryType\":\"groupBy\"," + DS + "\"granularity\":\"all\",\"dimensions\":[\"url\"],"
          + AGGREGATIONS + ",\"limitSpec\":{\"type\":\"default\",\"limit\":100}," + INTERVAL + "}",
      "scan", "{\"queryType\":\"scan\"," + DS + "\"columns\":[\"__time\",\"url\",\"user\",\"views\",\"latencyMs\"],"
          + "\"resultFormat\":\"list\"," + INTERVAL + "}");

  private static final List<QueryToolkit<?, ?>> TOOLKITS = List.of(new SearchToolkit(), new TimeseriesToolkit(),
      new TopNToolkit(), new GroupByToolkit(), new ScanToolkit());

  private SegmentKernels() {}

  /** The query {@code name} of {@link #QUERIES}, read with the Broker's mapper. */
  public static Query query(ObjectMapper mapper, String name) {
    String json = QUERIES.get(name);
    if (json == null) {
      throw new IllegalArgumentException("query[" + name + "] is not one of " + QUERIES.keySet());
    }
    try {
      return mapper.readValue(json, Query.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The engine (toolkit) of {@code query}'s type. */
  public static QueryToolkit<?, ?> toolkitFor(Query query) {
    for (QueryToolkit<?, ?> toolkit : TOOLKITS) {
      if (toolkit.queryClass().isInstance(query)) {
        return toolkit;
      }
    }
    throw new IllegalArgumentException("No engine for query[" + query.getClass().getSimpleName() + "]");
  }

  /** The partial result of {@code query} over {@code segment} (the hour {@link Seed#HOUR}). */
  public static Object runOnSegment(QueryToolkit<?, ?> toolkit, Query query, SegmentId id, Segment segment) {
    try (SegmentView view = segment.open()) {
      return run(toolkit, query, new QuerySegment(id, view, Seed.HOUR));
    }
  }

  private static <Q extends Query> Object run(QueryToolkit<Q, ?> toolkit, Query query, QuerySegment segment) {
    return toolkit.runOnSegment(toolkit.queryClass().cast(query), segment, QueryDeadline.none());
  }
}
