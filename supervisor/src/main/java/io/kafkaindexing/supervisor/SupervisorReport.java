package io.kafkaindexing.supervisor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.joda.time.DateTime;

/** Druid's supervisor status envelope: {@code {"id", "generationTime", "payload"}}. Immutable. */
@JsonPropertyOrder({"id", "generationTime", "payload"})
public record SupervisorReport(@JsonProperty("id") String id, @JsonProperty("generationTime") DateTime generationTime,
    @JsonProperty("payload") Object payload) {
}
