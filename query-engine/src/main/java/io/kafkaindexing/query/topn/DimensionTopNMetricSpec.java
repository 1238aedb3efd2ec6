package io.kafkaindexing.query.topn;

import com.fasterxml.jackson.annotation.JsonValue;
import io.kafkaindexing.query.aggregation.Aggregations;
import io.kafkaindexing.query.dimension.DimensionSpec;
import io.kafkaindexing.query.ordering.StringComparator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code {"type": "dimension", "ordering", "previousStop"}} (and the legacy
 * {@code {"type": "lexicographic"|"alphaNumeric", "previousStop"}}): ranks by the dimension value
 * in the given string ordering, ascending, skipping values up to {@code previousStop}. Immutable.
 */
public final class DimensionTopNMetricSpec implements TopNMetricSpec {
  private final StringComparator ordering;
  private final String previousStop;

  public DimensionTopNMetricSpec(StringComparator ordering, String previousStop) {
    this.ordering = Objects.requireNonNull(ordering, "ordering");
    this.previousStop = previousStop;
  }

  public StringComparator getOrdering() {
    return ordering;
  }

  @Override
  public String previousStop() {
    return previousStop;
  }

  @Override
  public String getMetricName(DimensionSpec dimension) {
    return dimension.getOutputName();
  }

  @Override
  public boolean ranksByDimension() {
    return true;
  }

  @Override
  public Comparator<Object> comparator(Aggregations aggregations) {
    return (a, b) -> ordering.compare(a == null ? null : a.toString(), b == null ? null : b.toString());
  }

  @Override
  @JsonValue
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", "dimension");
    json.put("previousStop", previousStop);
    json.put("ordering", ordering.name());
    return json;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DimensionTopNMetricSpec that && ordering == that.ordering
        && Objects.equals(previousStop, that.previousStop);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ordering.name(), previousStop);
  }

  @Override
  public String toString() {
    return "dimension(" + ordering.name() + (previousStop == null ? "" : ", after " + previousStop) + ")";
  }
}
