package io.kafkaindexing.supervisor.kafka;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.indexing.input.InputFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.joda.time.DateTime;
import org.joda.time.Duration;
import org.joda.time.Period;

/**
 * The supervisor's {@code ioConfig} for Kafka with Druid 33's defaults: {@code taskCount} 1,
 * {@code replicas} 1, {@code taskDuration} PT1H, {@code startDelay} PT5S, {@code period} PT30S,
 * {@code useEarliestOffset} false, {@code completionTimeout} PT30M, {@code pollTimeout} 100 ms.
 * Durations are echoed in seconds ({@code "PT3600S"}) as Druid does; {@code stream} and
 * {@code useEarliestSequenceNumber} mirror {@code topic} and {@code useEarliestOffset}. Beyond Druid,
 * {@code deadLetterTopic} names a Kafka topic that receives the records whose rows were unparseable
 * or thrown away (see docs/ingestion.md).
 * {@link #toString()} never prints consumer properties. Immutable.
 */
@JsonPropertyOrder({"topic", "topicPattern", "inputFormat", "replicas", "taskCount", "taskDuration",
    "consumerProperties", "autoScalerConfig", "pollTimeout", "startDelay", "period", "useEarliestOffset",
    "completionTimeout", "lateMessageRejectionPeriod", "earlyMessageRejectionPeriod",
    "lateMessageRejectionStartDateTime", "configOverrides", "idleConfig", "stopTaskCount", "stream",
    "useEarliestSequenceNumber", "deadLetterTopic"})
public final class KafkaSupervisorIOConfig {
  private final String topic;
  private final String topicPattern;
  private final InputFormat inputFormat;
  private final int replicas;
  private final int taskCount;
  private final Duration taskDuration;
  private final Map<String, Object> consumerProperties;
  private final long pollTimeout;
  private final Duration startDelay;
  private final Duration period;
  private final boolean useEarliestOffset;
  private final Duration completionTimeout;
  private final Period lateMessageRejectionPeriod;
  private final Period earlyMessageRejectionPeriod;
  private final DateTime lateMessageRejectionStartDateTime;
  private final String deadLetterTopic;
  private final IdleConfig idleConfig;
  private final Integer stopTaskCount;

  @JsonCreator
  public KafkaSupervisorIOConfig(@JsonProperty("type") String type,
      @JsonProperty("topic") String topic,
      @JsonProperty("topicPattern") String topicPattern,
      @JsonProperty("inputFormat") InputFormat inputFormat,
      @JsonProperty("replicas") Integer replicas,
      @JsonProperty("taskCount") Integer taskCount,
      @JsonProperty("taskDuration") Period taskDuration,
      @JsonProperty("consumerProperties") Map<String, Object> consumerProperties,
      @JsonProperty("pollTimeout") Long pollTimeout,
      @JsonProperty("startDelay") Period startDelay,
      @JsonProperty("period") Period period,
      @JsonProperty("useEarliestOffset") Boolean useEarliestOffset,
      @JsonProperty("completionTimeout") Period completionTimeout,
      @JsonProperty("lateMessageRejectionPeriod") Period lateMessageRejectionPeriod,
      @JsonProperty("earlyMessageRejectionPeriod") Period earlyMessageRejectionPeriod,
      @JsonProperty("lateMessageRejectionStartDateTime") DateTime lateMessageRejectionStartDateTime,
      @JsonProperty("deadLetterTopic") String deadLetterTopic,
      @JsonProperty("idleConfig") IdleConfig idleConfig,
      @JsonProperty("stopTaskCount") Integer stopTaskCount) {
    if (type != null && !type.toLowerCase(Locale.ROOT).equals("kafka")) {
      throw DruidException.invalidInput("ioConfig.type[%s] is not supported: use \"kafka\"", type);
    }
    boolean hasTopic = topic != null && !topic.isBlank();
    boolean hasPattern = topicPattern != null && !topicPattern.isBlank();
    if (!hasTopic && !hasPattern) {
      throw DruidException.invalidInput("ioConfig.topic (or ioConfig.topicPattern) is required");
    }
    if (hasTopic && hasPattern) {
      throw DruidException.invalidInput("ioConfig.topic and ioConfig.topicPattern cannot both be set");
    }
    if (topicPattern != null) {
      try {
        Pattern.compile(topicPattern);
      } catch (PatternSyntaxException e) {
        throw DruidException.invalidInput("ioConfig.topicPattern[%s] is not a valid regular expression: %s",
            topicPattern, e.getDescription());
      }
    }
    this.topic = topic;
    this.topicPattern = topicPattern;
    this.inputFormat = inputFormat;
    this.replicas = atLeastOne("ioConfig.replicas", replicas);
    this.taskCount = atLeastOne("ioConfig.taskCount", taskCount);
    this.taskDuration = duration("ioConfig.taskDuration", taskDuration, Period.hours(1));
    if (consumerProperties == null) {
      throw DruidException.invalidInput("ioConfig.consumerProperties is required");
    }
    if (consumerProperties.get("bootstrap.servers") == null) {
      throw DruidException.invalidInput("ioConfig.consumerProperties must contain entry for [bootstrap.servers]");
    }
    this.consumerProperties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(consumerProperties));
    this.pollTimeout = pollTimeout == null ? 100L : pollTimeout;
    this.startDelay = duration("ioConfig.startDelay", startDelay, Period.seconds(5));
    this.period = duration("ioConfig.period", period, Period.seconds(30));
    this.useEarliestOffset = Boolean.TRUE.equals(useEarliestOffset);
    this.completionTimeout = duration("ioConfig.completionTimeout", completionTimeout, Period.minutes(30));
    if (lateMessageRejectionPeriod != null && lateMessageRejectionStartDateTime != null) {
      throw DruidException.invalidInput("ioConfig.lateMessageRejectionPeriod and"
          + " ioConfig.lateMessageRejectionStartDateTime cannot both be set");
    }
    this.lateMessageRejectionPeriod = lateMessageRejectionPeriod;
    this.earlyMessageRejectionPeriod = earlyMessageRejectionPeriod;
    this.lateMessageRejectionStartDateTime = lateMessageRejectionStartDateTime;
    if (deadLetterTopic != null && (deadLetterTopic.isBlank() || deadLetterTopic.equals(topic)
        || (topicPattern != null && deadLetterTopic.matches(topicPattern)))) {
      throw DruidException.invalidInput("ioConfig.deadLetterTopic[%s] must be a topic name other than ioConfig.topic"
          + " and not matched by ioConfig.topicPattern", deadLetterTopic);
    }
    this.deadLetterTopic = deadLetterTopic;
    this.idleConfig = idleConfig;
    if (stopTaskCount != null && stopTaskCount < 1) {
      throw DruidException.invalidInput("ioConfig.stopTaskCount must be at least 1, got[%d]", stopTaskCount);
    }
    this.stopTaskCount = stopTaskCount;
  }

  private static int atLeastOne(String field, Integer value) {
    if (value == null) {
      return 1;
    }
    if (value < 1) {
      throw DruidException.invalidInput("%s must be at least 1, got[%d]", field, value);
    }
    return value;
  }

  private static Duration duration(String field, Period value, Period defaultValue) {
    Period p = value == null ? defaultValue : value;
    try {
      Duration d = p.toStandardDuration();
      if (d.getMillis() < 0) {
        throw DruidException.invalidInput("%s must not be negative, got[%s]", field, p);
      }
      return d;
    } catch (UnsupportedOperationException e) {
      throw DruidException.invalidInput("%s[%s] must be a fixed length of time (no months or years)", field, p);
    }
  }

  /** The topic; null when the spec reads the topics matching {@link #getTopicPattern()}. */
  @JsonProperty
  public String getTopic() {
    return topic;
  }

  /** A regular expression over topic names (Druid's multi-topic ingestion); null for one topic. */
  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String getTopicPattern() {
    return topicPattern;
  }

  /** Whether partitions are keyed {@code topic:partition} because a topic pattern is read. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isMultiTopic() {
    return topicPattern != null;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public InputFormat getInputFormat() {
    return inputFormat;
  }

  @JsonProperty
  public int getReplicas() {
    return replicas;
  }

  @JsonProperty
  public int getTaskCount() {
    return taskCount;
  }

  @JsonProperty
  public Duration getTaskDuration() {
    return taskDuration;
  }

  @JsonProperty
  public Map<String, Object> getConsumerProperties() {
    return consumerProperties;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public Object getAutoScalerConfig() {
    return null;
  }

  @JsonProperty
  public long getPollTimeout() {
    return pollTimeout;
  }

  @JsonProperty
  public Duration getStartDelay() {
    return startDelay;
  }

  @JsonProperty
  public Duration getPeriod() {
    return period;
  }

  @JsonProperty
  public boolean isUseEarliestOffset() {
    return useEarliestOffset;
  }

  @JsonProperty
  public Duration getCompletionTimeout() {
    return completionTimeout;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public Period getLateMessageRejectionPeriod() {
    return lateMessageRejectionPeriod;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public Period getEarlyMessageRejectionPeriod() {
    return earlyMessageRejectionPeriod;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public DateTime getLateMessageRejectionStartDateTime() {
    return lateMessageRejectionStartDateTime;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public Object getConfigOverrides() {
    return null;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public IdleConfig getIdleConfig() {
    return idleConfig;
  }

  /** How many task groups may be stopping (publishing) at once for a taskDuration rollover; null: no limit. */
  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public Integer getStopTaskCount() {
    return stopTaskCount;
  }

  /** The topic, or the topic pattern: the {@code stream} of the committed offsets. */
  @JsonProperty
  public String getStream() {
    return topic != null ? topic : topicPattern;
  }

  @JsonProperty
  public boolean isUseEarliestSequenceNumber() {
    return useEarliestOffset;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String getDeadLetterTopic() {
    return deadLetterTopic;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KafkaSupervisorIOConfig that && Objects.equals(topic, that.topic)
        && Objects.equals(topicPattern, that.topicPattern)
        && Objects.equals(inputFormat, that.inputFormat) && replicas == that.replicas && taskCount == that.taskCount
        && taskDuration.equals(that.taskDuration) && consumerProperties.equals(that.consumerProperties)
        && pollTimeout == that.pollTimeout && startDelay.equals(that.startDelay) && period.equals(that.period)
        && useEarliestOffset == that.useEarliestOffset && completionTimeout.equals(that.completionTimeout)
        && Objects.equals(lateMessageRejectionPeriod, that.lateMessageRejectionPeriod)
        && Objects.equals(earlyMessageRejectionPeriod, that.earlyMessageRejectionPeriod)
        && Objects.equals(lateMessageRejectionStartDateTime, that.lateMessageRejectionStartDateTime)
        && Objects.equals(deadLetterTopic, that.deadLetterTopic) && Objects.equals(idleConfig, that.idleConfig)
        && Objects.equals(stopTaskCount, that.stopTaskCount);
  }

  @Override
  public int hashCode() {
    return Objects.hash(topic, topicPattern, replicas, taskCount, taskDuration, useEarliestOffset);
  }

  @Override
  public String toString() {
    return "KafkaSupervisorIOConfig{stream=" + getStream() + ", taskCount=" + taskCount + ", replicas=" + replicas
        + ", taskDuration=" + taskDuration + ", useEarliestOffset=" + useEarliestOffset + "}";
  }
}
