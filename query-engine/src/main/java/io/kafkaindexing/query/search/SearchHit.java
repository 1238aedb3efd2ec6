package io.kafkaindexing.query.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One search hit: {@code {"dimension", "value", "count"}}, the count being the number of stored
 * (rolled-up) rows holding the value. {@code value} is null for null or missing values. Immutable.
 */
@JsonPropertyOrder({"dimension", "value", "count"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SearchHit(@JsonProperty("dimension") String dimension, @JsonProperty("value") String value,
    @JsonProperty("count") int count) {
  public SearchHit {
    Objects.requireNonNull(dimension, "dimension");
  }

  /** The same dimension and value with {@code count} added. */
  SearchHit plus(int more) {
    return new SearchHit(dimension, value, count + more);
  }
}
