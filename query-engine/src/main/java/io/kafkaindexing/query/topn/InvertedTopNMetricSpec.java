package io.kafkaindexing.query.topn;

import com.fasterxml.jackson.annotation.JsonValue;
import io.kafkaindexing.query.aggregation.Aggregations;
import io.kafkaindexing.query.dimension.DimensionSpec;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code {"type": "inverted", "metric": <spec>}}: the delegate's order reversed, as Druid does it:
 * the delegate's comparator with nulls last, inverted (so ascending metrics with nulls last, or
 * descending dimension values with null first). Immutable.
 */
public final class InvertedTopNMetricSpec implements TopNMetricSpec {
  private final TopNMetricSpec delegate;

  public InvertedTopNMetricSpec(TopNMetricSpec delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  public TopNMetricSpec getDelegate() {
    return delegate;
  }

  @Override
  public String getMetricName(DimensionSpec dimension) {
    return delegate.getMetricName(dimension);
  }

  @Override
  public boolean ranksByDimension() {
    return delegate.ranksByDimension();
  }

  @Override
  public String previousStop() {
    return delegate.previousStop();
  }

  @Override
  public void verify(Aggregations aggregations) {
    delegate.verify(aggregations);
  }

  @Override
  public Comparator<Object> comparator(Aggregations aggregations) {
    Comparator<Object> inner = delegate.comparator(aggregations);
    Comparator<Object> nullsLast = (a, b) -> a == null ? (b == null ? 0 : 1) : b == null ? -1 : inner.compare(a, b);
    return (a, b) -> nullsLast.compare(b, a);
  }

  @Override
  @JsonValue
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", "inverted");
    json.put("metric", delegate.toJson());
    return json;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InvertedTopNMetricSpec that && delegate.equals(that.delegate);
  }

  @Override
  public int hashCode() {
    return delegate.hashCode() * 31 + 1;
  }

  @Override
  public String toString() {
    return "inverted(" + delegate + ")";
  }
}
