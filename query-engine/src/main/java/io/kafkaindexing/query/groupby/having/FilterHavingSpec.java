package io.kafkaindexing.query.groupby.having;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.engine.MapColumnSelectorFactory;
import io.kafkaindexing.query.filter.DimFilter;
import io.kafkaindexing.query.filter.ValueMatcher;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code {"type": "filter", "filter": <any filter>, "finalize"}}: rows the filter matches, reading
 * the row's columns (and {@code __time}); aggregates are finalized first unless {@code finalize}
 * is false. Immutable.
 */
public final class FilterHavingSpec implements HavingSpec {
  private final DimFilter filter;
  private final boolean finalize;

  @JsonCreator
  public FilterHavingSpec(@JsonProperty("filter") DimFilter filter, @JsonProperty("finalize") Boolean finalize) {
    if (filter == null) {
      throw DruidException.invalidInput("Having spec of type[filter] needs a field[filter]");
    }
    this.filter = filter;
    this.finalize = finalize == null || finalize;
  }

  @JsonProperty
  public DimFilter getFilter() {
    return filter;
  }

  @JsonProperty
  public boolean isFinalize() {
    return finalize;
  }

  @Override
  public boolean eval(HavingRow row) {
    Map<String, Object> columns = row.columns();
    if (finalize) {
      columns = new LinkedHashMap<>(columns);
      for (Map.Entry<String, AggregatorFactory> e : row.aggregators().entrySet()) {
        columns.put(e.getKey(), e.getValue().finalizeComputation(columns.get(e.getKey())));
      }
    }
    Map<String, Object> values = columns;
    ValueMatcher matcher = filter.makeMatcher(new MapColumnSelectorFactory(() -> values, row::timestamp,
        row.signature()));
    return matcher.matches(false);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FilterHavingSpec that && filter.equals(that.filter) && finalize == that.finalize;
  }

  @Override
  public int hashCode() {
    return Objects.hash(filter, finalize);
  }
}
