package io.kafkaindexing.indexing.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One saved parse exception, in Druid's shape ({@code input}, {@code errorType} —
 * {@code unparseable} or {@code processedWithError} —, {@code details}, {@code timeOfExceptionMillis})
 * plus where the input came from: {@code topic}, {@code partition} and {@code offset} of the Kafka
 * record. Immutable.
 */
@JsonPropertyOrder({"input", "errorType", "details", "timeOfExceptionMillis", "topic", "partition", "offset"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParseExceptionReport(
    @JsonProperty("input") String input,
    @JsonProperty("errorType") String errorType,
    @JsonProperty("details") List<String> details,
    @JsonProperty("timeOfExceptionMillis") long timeOfExceptionMillis,
    @JsonProperty("topic") String topic,
    @JsonProperty("partition") Integer partition,
    @JsonProperty("offset") Long offset) {
  public static final String UNPARSEABLE = "unparseable";
  public static final String PROCESSED_WITH_ERROR = "processedWithError";

  public ParseExceptionReport {
    details = List.copyOf(details);
  }
}
