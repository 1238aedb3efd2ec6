package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The intermediate value of the first/last aggregators: the time of the chosen row ({@code lhs})
 * and its value ({@code rhs}, possibly null), written as Druid writes it,
 * {@code {"lhs": 1520330278000, "rhs": 32.0}}. Immutable.
 */
@JsonPropertyOrder({"lhs", "rhs"})
public record SerializablePair(@JsonProperty("lhs") long lhs, @JsonProperty("rhs") Object rhs) {
  @JsonCreator
  public SerializablePair {}
}
