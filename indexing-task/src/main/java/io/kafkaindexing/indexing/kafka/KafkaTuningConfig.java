package io.kafkaindexing.indexing.kafka;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kafkaindexing.core.error.DruidException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.joda.time.Period;

/**
 * The task-level {@code tuningConfig} of Kafka ingestion (type {@code kafka}, any letter case), with
 * Druid 33's defaults: {@code maxRowsInMemory} 150000, {@code maxBytesInMemory} 0 (= one sixth of
 * the heap), {@code maxRowsPerSegment} 5000000, {@code intermediatePersistPeriod} PT10M and the
 * rest as Druid documents them, including the supervisor-level fields ({@code workerThreads},
 * {@code chatRetries}, {@code httpTimeout}...). Numbers may be given as strings
 * ({@code "100000"}). Immutable.
 */
@JsonPropertyOrder({"type", "appendableIndexSpec", "maxRowsInMemory", "maxBytesInMemory",
    "skipBytesInMemoryOverheadCheck", "maxRowsPerSegment", "maxTotalRows", "intermediatePersistPeriod",
    "maxPendingPersists", "indexSpec", "indexSpecForIntermediatePersists", "reportParseExceptions",
    "handoffConditionTimeout", "resetOffsetAutomatically", "segmentWriteOutMediumFactory", "workerThreads",
    "chatRetries", "httpTimeout", "shutdownTimeout", "offsetFetchPeriod", "intermediateHandoffPeriod",
    "logParseExceptions", "maxParseExceptions", "maxSavedParseExceptions", "skipSequenceNumberAvailabilityCheck",
    "repartitionTransitionDuration", "parseThreads"})
public class KafkaTuningConfig {
  public static final int DEFAULT_MAX_ROWS_IN_MEMORY = 150_000;
  public static final int DEFAULT_MAX_ROWS_PER_SEGMENT = 5_000_000;

  private final int maxRowsInMemory;
  private final long maxBytesInMemory;
  private final boolean skipBytesInMemoryOverheadCheck;
  private final int maxRowsPerSegment;
  private final Long maxTotalRows;
  private final Period intermediatePersistPeriod;
  private final int maxPendingPersists;
  private final Map<String, Object> indexSpec;
  private final Map<String, Object> indexSpecForIntermediatePersists;
  private final boolean reportParseExceptions;
  private final long handoffConditionTimeout;
  private final boolean resetOffsetAutomatically;
  private final Period intermediateHandoffPeriod;
  private final boolean logParseExceptions;
  private final int maxParseExceptions;
  private final int maxSavedParseExceptions;
  private final boolean skipSequenceNumberAvailabilityCheck;
  private final Integer workerThreads;
  private final int chatRetries;
  private final Period httpTimeout;
  private final Period shutdownTimeout;
  private final Period offsetFetchPeriod;
  private final Period repartitionTransitionDuration;
  /** Ours, not Druid's: read-ahead workers per task; null means {@link #defaultParseThreads()}. */
  private final Integer parseThreads;

  @JsonCreator
  public KafkaTuningConfig(@JsonProperty("type") String type,
      @JsonProperty("maxRowsInMemory") Integer maxRowsInMemory,
      @JsonProperty("maxBytesInMemory") Long maxBytesInMemory,
      @JsonProperty("skipBytesInMemoryOverheadCheck") Boolean skipBytesInMemoryOverheadCheck,
      @JsonProperty("maxRowsPerSegment") Integer maxRowsPerSegment,
      @JsonProperty("maxTotalRows") Long maxTotalRows,
      @JsonProperty("intermediatePersistPeriod") Period intermediatePersistPeriod,
      @JsonProperty("maxPendingPersists") Integer maxPendingPersists,
      @JsonProperty("indexSpec") Map<String, Object> indexSpec,
      @JsonProperty("indexSpecForIntermediatePersists") Map<String, Object> indexSpecForIntermediatePersists,
      @JsonProperty("reportParseExceptions") Boolean reportParseExceptions,
      @JsonProperty("handoffConditionTimeout") Long handoffConditionTimeout,
      @JsonProperty("resetOffsetAutomatically") Boolean resetOffsetAutomatically,
      @JsonProperty("intermediateHandoffPeriod") Period intermediateHandoffPeriod,
      @JsonProperty("logParseExceptions") Boolean logParseExceptions,
      @JsonProperty("maxParseExceptions") Integer maxParseExceptions,
      @JsonProperty("maxSavedParseExceptions") Integer maxSavedParseExceptions,
      @JsonProperty("skipSequenceNumberAvailabilityCheck") Boolean skipSequenceNumberAvailabilityCheck,
      @JsonProperty("workerThreads") Integer workerThreads,
      @JsonProperty("chatRetries") Integer chatRetries,
      @JsonProperty("httpTimeout") Period httpTimeout,
      @JsonProperty("shutdownTimeout") Period shutdownTimeout,
      @JsonProperty("offsetFetchPeriod") Period offsetFetchPeriod,
      @JsonProperty("repartitionTransitionDuration") Period repartitionTransitionDuration,
      @JsonProperty("parseThreads") Integer parseThreads) {
    if (type != null && !type.toLowerCase(Locale.ROOT).equals("kafka")) {
      throw DruidException.invalidInput("tuningConfig.type[%s] is not supported: use \"kafka\"", type);
    }
    this.maxRowsInMemory = positive("tuningConfig.maxRowsInMemory", maxRowsInMemory, DEFAULT_MAX_ROWS_IN_MEMORY);
    this.maxBytesInMemory = maxBytesInMemory == null ? 0L : maxBytesInMemory;
    this.skipBytesInMemoryOverheadCheck = Boolean.TRUE.equals(skipBytesInMemoryOverheadCheck);
    this.maxRowsPerSegment = positive("tuningConfig.maxRowsPerSegment", maxRowsPerSegment,
        DEFAULT_MAX_ROWS_PER_SEGMENT);
    this.maxTotalRows = maxTotalRows;
    this.intermediatePersistPeriod = intermediatePersistPeriod == null ? Period.minutes(10) : intermediatePersistPeriod;
    this.maxPendingPersists = maxPendingPersists == null ? 0 : maxPendingPersists;
    this.indexSpec = withIndexSpecDefaults(indexSpec);
    this.indexSpecForIntermediatePersists = indexSpecForIntermediatePersists == null ? this.indexSpec
        : withIndexSpecDefaults(indexSpecForIntermediatePersists);
    this.reportParseExceptions = Boolean.TRUE.equals(reportParseExceptions);
    this.handoffConditionTimeout = handoffConditionTimeout == null ? 900_000L : handoffConditionTimeout;
    this.resetOffsetAutomatically = Boolean.TRUE.equals(resetOffsetAutomatically);
    this.intermediateHandoffPeriod = intermediateHandoffPeriod == null ? Period.days(Integer.MAX_VALUE)
        : intermediateHandoffPeriod;
    this.logParseExceptions = Boolean.TRUE.equals(logParseExceptions);
    this.maxParseExceptions = this.reportParseExceptions ? 0
        : maxParseExceptions == null ? Integer.MAX_VALUE : maxParseExceptions;
    this.maxSavedParseExceptions = this.reportParseExceptions ? Math.min(1, orZero(maxSavedParseExceptions))
        : orZero(maxSavedParseExceptions);
    this.skipSequenceNumberAvailabilityCheck = Boolean.TRUE.equals(skipSequenceNumberAvailabilityCheck);
    this.workerThreads = workerThreads;
    this.chatRetries = chatRetries == null ? 8 : chatRetries;
    this.httpTimeout = httpTimeout == null ? Period.seconds(10) : httpTimeout;
    this.shutdownTimeout = shutdownTimeout == null ? Period.seconds(80) : shutdownTimeout;
    this.offsetFetchPeriod = offsetFetchPeriod == null ? Period.seconds(30) : offsetFetchPeriod;
    this.repartitionTransitionDuration = repartitionTransitionDuration == null ? Period.seconds(120)
        : repartitionTransitionDuration;
    if (parseThreads != null && parseThreads < 0) {
      throw DruidException.invalidInput("tuningConfig.parseThreads must be 0 or more, got[%d]", parseThreads);
    }
    this.parseThreads = parseThreads;
  }

  /** The defaults, as a task gets them when the spec has no tuningConfig. */
  public static KafkaTuningConfig defaults() {
    return new KafkaTuningConfig(null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null);
  }

  private static int orZero(Integer v) {
    return v == null ? 0 : v;
  }

  private static int positive(String field, Integer value, int defaultValue) {
    if (value == null) {
      return defaultValue;
    }
    if (value <= 0) {
      throw DruidException.invalidInput("%s must be positive, got[%d]", field, value);
    }
    return value;
  }

  private static Map<String, Object> withIndexSpecDefaults(Map<String, Object> given) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("bitmap", Map.of("type", "roaring"));
    spec.put("dimensionCompression", "lz4");
    spec.put("stringDictionaryEncoding", Map.of("type", "utf8"));
    spec.put("metricCompression", "lz4");
    spec.put("longEncoding", "longs");
    if (given != null) {
      spec.putAll(given);
    }
    return java.util.Collections.unmodifiableMap(spec);
  }

  @JsonProperty("type")
  public String getType() {
    return "kafka";
  }

  @JsonProperty
  public Map<String, Object> getAppendableIndexSpec() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("type", "onheap");
    spec.put("preserveExistingMetrics", false);
    return spec;
  }

  @JsonProperty
  public int getMaxRowsInMemory() {
    return maxRowsInMemory;
  }

  @JsonProperty
  public long getMaxBytesInMemory() {
    return maxBytesInMemory;
  }

  /** {@code maxBytesInMemory} with 0 resolved to Druid's default, one sixth of the maximum heap. */
  public long effectiveMaxBytesInMemory() {
    return maxBytesInMemory == 0 ? Runtime.getRuntime().maxMemory() / 6 : maxBytesInMemory;
  }

  @JsonProperty
  public boolean isSkipBytesInMemoryOverheadCheck() {
    return skipBytesInMemoryOverheadCheck;
  }

  @JsonProperty
  public int getMaxRowsPerSegment() {
    return maxRowsPerSegment;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public Long getMaxTotalRows() {
    return maxTotalRows;
  }

  @JsonProperty
  public Period getIntermediatePersistPeriod() {
    return intermediatePersistPeriod;
  }

  @JsonProperty
  public int getMaxPendingPersists() {
    return maxPendingPersists;
  }

  @JsonProperty
  public Map<String, Object> getIndexSpec() {
    return indexSpec;
  }

  @JsonProperty
  public Map<String, Object> getIndexSpecForIntermediatePersists() {
    return indexSpecForIntermediatePersists;
  }

  @JsonProperty
  public boolean isReportParseExceptions() {
    return reportParseExceptions;
  }

  @JsonProperty
  public long getHandoffConditionTimeout() {
    return handoffConditionTimeout;
  }

  @JsonProperty
  public boolean isResetOffsetAutomatically() {
    return resetOffsetAutomatically;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public Object getSegmentWriteOutMediumFactory() {
    return null;
  }

  @JsonProperty
  public Period getIntermediateHandoffPeriod() {
    return intermediateHandoffPeriod;
  }

  @JsonProperty
  public boolean isLogParseExceptions() {
    return logParseExceptions;
  }

  @JsonProperty
  public int getMaxParseExceptions() {
    return maxParseExceptions;
  }

  @JsonProperty
  public int getMaxSavedParseExceptions() {
    return maxSavedParseExceptions;
  }

  @JsonProperty
  public boolean isSkipSequenceNumberAvailabilityCheck() {
    return skipSequenceNumberAvailabilityCheck;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public Integer getWorkerThreads() {
    return workerThreads;
  }

  @JsonProperty
  public int getChatRetries() {
    return chatRetries;
  }

  @JsonProperty
  public Period getHttpTimeout() {
    return httpTimeout;
  }

  @JsonProperty
  public Period getShutdownTimeout() {
    return shutdownTimeout;
  }

  @JsonProperty
  public Period getOffsetFetchPeriod() {
    return offsetFetchPeriod;
  }

  @JsonProperty
  public Period getRepartitionTransitionDuration() {
    return repartitionTransitionDuration;
  }

  /** As given in the spec (null when not: not written back, so Druid sees the specs it knows). */
  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public Integer getParseThreads() {
    return parseThreads;
  }

  /**
   * Threads reading records into rows ahead of each task thread (see {@code ReadAhead}): as given,
   * else {@link #defaultParseThreads()}; 0 reads on the task thread.
   */
  public int effectiveParseThreads() {
    return parseThreads == null ? defaultParseThreads() : parseThreads;
  }

  /** One core for the task thread (indexing), up to two for reading; none on a single core. */
  static int defaultParseThreads() {
    return Math.max(0, Math.min(2, Runtime.getRuntime().availableProcessors() - 1));
  }

  @Override
  public boolean equals(Object o) {
    if (o == null || o.getClass() != getClass()) {
      return false;
    }
    KafkaTuningConfig that = (KafkaTuningConfig) o;
    return maxRowsInMemory == that.maxRowsInMemory && maxBytesInMemory == that.maxBytesInMemory
        && maxRowsPerSegment == that.maxRowsPerSegment && Objects.equals(maxTotalRows, that.maxTotalRows)
        && intermediatePersistPeriod.equals(that.intermediatePersistPeriod) && indexSpec.equals(that.indexSpec)
        && handoffConditionTimeout == that.handoffConditionTimeout
        && resetOffsetAutomatically == that.resetOffsetAutomatically
        && intermediateHandoffPeriod.equals(that.intermediateHandoffPeriod)
        && maxParseExceptions == that.maxParseExceptions && maxSavedParseExceptions == that.maxSavedParseExceptions
        && logParseExceptions == that.logParseExceptions
        && skipBytesInMemoryOverheadCheck == that.skipBytesInMemoryOverheadCheck
        && maxPendingPersists == that.maxPendingPersists
        && indexSpecForIntermediatePersists.equals(that.indexSpecForIntermediatePersists)
        && reportParseExceptions == that.reportParseExceptions
        && skipSequenceNumberAvailabilityCheck == that.skipSequenceNumberAvailabilityCheck
        && Objects.equals(workerThreads, that.workerThreads) && chatRetries == that.chatRetries
        && httpTimeout.equals(that.httpTimeout) && shutdownTimeout.equals(that.shutdownTimeout)
        && offsetFetchPeriod.equals(that.offsetFetchPeriod)
        && repartitionTransitionDuration.equals(that.repartitionTransitionDuration)
        && Objects.equals(parseThreads, that.parseThreads);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxRowsInMemory, maxBytesInMemory, maxRowsPerSegment, maxTotalRows,
        intermediatePersistPeriod, handoffConditionTimeout);
  }
}
