package io.kafkaindexing.supervisor.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kafkaindexing.indexing.kafka.KafkaPartition;
import io.kafkaindexing.supervisor.SupervisorStateManager.ExceptionEvent;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;

/** The {@code payload} of a Kafka supervisor's status report, in Druid's field order. Immutable. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"dataSource", "stream", "partitions", "replicas", "durationSeconds", "activeTasks",
    "publishingTasks", "latestOffsets", "minimumLag", "aggregateLag", "offsetsLastUpdated", "suspended",
    "healthy", "state", "detailedState", "recentErrors"})
public record KafkaSupervisorReportPayload(
    @JsonProperty("dataSource") String dataSource,
    @JsonProperty("stream") String stream,
    @JsonProperty("partitions") int partitions,
    @JsonProperty("replicas") int replicas,
    @JsonProperty("durationSeconds") long durationSeconds,
    @JsonProperty("activeTasks") List<TaskReportData> activeTasks,
    @JsonProperty("publishingTasks") List<TaskReportData> publishingTasks,
    @JsonProperty("latestOffsets") Map<KafkaPartition, Long> latestOffsets,
    @JsonProperty("minimumLag") Map<KafkaPartition, Long> minimumLag,
    @JsonProperty("aggregateLag") Long aggregateLag,
    @JsonProperty("offsetsLastUpdated") DateTime offsetsLastUpdated,
    @JsonProperty("suspended") boolean suspended,
    @JsonProperty("healthy") boolean healthy,
    @JsonProperty("state") String state,
    @JsonProperty("detailedState") String detailedState,
    @JsonProperty("recentErrors") List<ExceptionEvent> recentErrors) {
}
