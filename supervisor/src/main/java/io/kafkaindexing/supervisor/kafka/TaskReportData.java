package io.kafkaindexing.supervisor.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kafkaindexing.indexing.kafka.KafkaPartition;
import java.util.Map;
import org.joda.time.DateTime;

/**
 * One entry of {@code activeTasks} / {@code publishingTasks} in the status report, in Druid's field
 * order; null offsets and lag are omitted. Immutable.
 */
@JsonPropertyOrder({"id", "startingOffsets", "startTime", "remainingSeconds", "type", "currentOffsets", "lag"})
public record TaskReportData(
    @JsonProperty("id") String id,
    @JsonProperty("startingOffsets") @JsonInclude(JsonInclude.Include.NON_NULL) Map<KafkaPartition, Long> startingOffsets,
    @JsonProperty("startTime") DateTime startTime,
    @JsonProperty("remainingSeconds") Long remainingSeconds,
    @JsonProperty("type") String type,
    @JsonProperty("currentOffsets") @JsonInclude(JsonInclude.Include.NON_NULL) Map<KafkaPartition, Long> currentOffsets,
    @JsonProperty("lag") @JsonInclude(JsonInclude.Include.NON_NULL) Map<KafkaPartition, Long> lag) {
}
