package io.kafkaindexing.query.topn;

import com.fasterxml.jackson.annotation.JsonValue;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.aggregation.Aggregations;
import io.kafkaindexing.query.aggregation.PostAggregator;
import io.kafkaindexing.query.dimension.DimensionSpec;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code "metric": "<name>"} or {@code {"type": "numeric", "metric": "<name>"}}: ranks by an
 * aggregator's or post-aggregator's value, largest first, with that aggregator's comparator (nulls
 * rank last). Immutable.
 */
public final class NumericTopNMetricSpec implements TopNMetricSpec {
  private final String metric;

  public NumericTopNMetricSpec(String metric) {
    if (metric == null || metric.isEmpty()) {
      throw DruidException.invalidInput("TopN metric spec of type[numeric] needs a field[metric]");
    }
    this.metric = metric;
  }

  public String getMetric() {
    return metric;
  }

  @Override
  public String getMetricName(DimensionSpec dimension) {
    return metric;
  }

  @Override
  public boolean ranksByDimension() {
    return false;
  }

  @Override
  public void verify(Aggregations aggregations) {
    if (aggregations.aggregator(metric) == null && aggregations.postAggregator(metric) == null) {
      throw DruidException.invalidInput("Must have an AggregatorFactory or PostAggregator for metric[%s], gave[%s] "
          + "and [%s]", metric, aggregations.aggregators(), aggregations.declaredPostAggregators());
    }
  }

  @Override
  public Comparator<Object> comparator(Aggregations aggregations) {
    AggregatorFactory aggregator = aggregations.aggregator(metric);
    if (aggregator != null) {
      return aggregator.getComparator();
    }
    PostAggregator post = aggregations.postAggregator(metric);
    if (post == null) {
      throw DruidException.invalidInput("Unknown topN metric[%s]", metric);
    }
    return post.getComparator();
  }

  @Override
  @JsonValue
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", "numeric");
    json.put("metric", metric);
    return json;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumericTopNMetricSpec that && metric.equals(that.metric);
  }

  @Override
  public int hashCode() {
    return metric.hashCode();
  }

  @Override
  public String toString() {
    return "numeric(" + metric + ")";
  }
}
