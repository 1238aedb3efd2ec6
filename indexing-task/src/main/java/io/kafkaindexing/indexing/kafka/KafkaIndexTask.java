package io.kafkaindexing.indexing.kafka;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.indexing.task.Task;
import io.kafkaindexing.indexing.task.TaskStatus;
import io.kafkaindexing.indexing.task.TaskToolbox;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.joda.time.DateTime;

/**
 * Druid's {@code index_kafka} task: reads its partitions from the start offsets and indexes the
 * rows into real-time segments that are queryable at once. Its JSON form is the task payload
 * ({@code id}, {@code groupId}, {@code resource}, {@code dataSchema}, {@code tuningConfig},
 * {@code ioConfig}, {@code context}). The running state lives in its {@link KafkaIndexTaskRunner}.
 * Thread-safe.
 */
public final class KafkaIndexTask implements Task {
  public static final String TYPE = "index_kafka";

  private final String id;
  private final DataSchema dataSchema;
  private final KafkaTuningConfig tuningConfig;
  private final KafkaIndexTaskIOConfig ioConfig;
  private final Map<String, Object> context;
  private final KafkaIndexTaskRunner runner;

  @JsonCreator
  public KafkaIndexTask(@JsonProperty("id") String id,
      @JsonProperty("dataSchema") DataSchema dataSchema,
      @JsonProperty("tuningConfig") KafkaTuningConfig tuningConfig,
      @JsonProperty("ioConfig") KafkaIndexTaskIOConfig ioConfig,
      @JsonProperty("context") Map<String, Object> context) {
    this.id = Objects.requireNonNull(id, "id");
    this.dataSchema = Objects.requireNonNull(dataSchema, "dataSchema");
    this.tuningConfig = tuningConfig == null ? KafkaTuningConfig.defaults() : tuningConfig;
    this.ioConfig = Objects.requireNonNull(ioConfig, "ioConfig");
    // Kept as given: key order for the payload echo, and null values (Map.copyOf refuses them).
    this.context = context == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(context));
    this.runner = new KafkaIndexTaskRunner(this);
  }

  @Override
  @JsonProperty
  public String getId() {
    return id;
  }

  @Override
  public String getType() {
    return TYPE;
  }

  /** Replicas of one task group share a group id: the base sequence name. */
  @Override
  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public String getGroupId() {
    return ioConfig.getBaseSequenceName();
  }

  /** Derived, so write-only in JSON: reading a payload back must not try to fill this immutable map. */
  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public Map<String, Object> getResource() {
    return Map.of("availabilityGroup", ioConfig.getBaseSequenceName(), "requiredCapacity", 1);
  }

  @Override
  @JsonProperty
  public String getDataSource() {
    return dataSchema.getDataSource();
  }

  @JsonProperty
  public DataSchema getDataSchema() {
    return dataSchema;
  }

  @JsonProperty
  public KafkaTuningConfig getTuningConfig() {
    return tuningConfig;
  }

  @JsonProperty
  public KafkaIndexTaskIOConfig getIoConfig() {
    return ioConfig;
  }

  @Override
  @JsonProperty
  public Map<String, Object> getContext() {
    return context;
  }

  @JsonIgnore
  public KafkaIndexTaskRunner runner() {
    return runner;
  }

  /** The offsets read so far per partition (next offset to read); the start offsets before running. */
  @JsonIgnore
  public Map<KafkaPartition, Long> currentOffsets() {
    return runner.currentOffsets();
  }

  /** When the task started reading, or null before. */
  @JsonIgnore
  public DateTime startTime() {
    return runner.startTime();
  }

  @Override
  public TaskStatus run(TaskToolbox toolbox) throws Exception {
    return runner.run(toolbox);
  }

  @Override
  public void stopGracefully() {
    runner.stop();
  }

  @Override
  public Map<String, Object> reports() {
    return runner.reports();
  }

  @Override
  public String toString() {
    return "KafkaIndexTask{id=" + id + ", dataSource=" + getDataSource() + ", ioConfig=" + ioConfig + "}";
  }
}
