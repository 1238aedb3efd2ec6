package io.kafkaindexing.supervisor.kafka;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.indexing.input.InputFormat;
import io.kafkaindexing.indexing.kafka.KafkaTuningConfig;
import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.supervisor.spec.SupervisorSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code kafka} supervisor spec. Accepts Druid's two shapes — {@code dataSchema},
 * {@code ioConfig}, {@code tuningConfig} at the top level, or inside {@code spec} — and echoes
 * both, as Druid does. The input format comes from {@code ioConfig.inputFormat}, or from the legacy
 * {@code dataSchema.parser}; one of them is required. Immutable.
 */
@JsonPropertyOrder({"spec", "dataSchema", "tuningConfig", "ioConfig", "context", "suspended"})
public final class KafkaSupervisorSpec implements SupervisorSpec {
  public static final String TYPE = "kafka";

  private final DataSchema dataSchema;
  private final KafkaSupervisorIOConfig ioConfig;
  private final KafkaTuningConfig tuningConfig;
  private final Map<String, Object> context;
  private final boolean suspended;
  private final InputFormat inputFormat;

  @JsonCreator
  public KafkaSupervisorSpec(@JsonProperty("spec") Parts spec,
      @JsonProperty("dataSchema") DataSchema dataSchema,
      @JsonProperty("ioConfig") KafkaSupervisorIOConfig ioConfig,
      @JsonProperty("tuningConfig") KafkaTuningConfig tuningConfig,
      @JsonProperty("context") Map<String, Object> context,
      @JsonProperty("suspended") Boolean suspended) {
    DataSchema ds = spec != null && spec.dataSchema != null ? spec.dataSchema : dataSchema;
    KafkaSupervisorIOConfig io = spec != null && spec.ioConfig != null ? spec.ioConfig : ioConfig;
    KafkaTuningConfig tc = spec != null && spec.tuningConfig != null ? spec.tuningConfig : tuningConfig;
    if (ds == null) {
      throw DruidException.invalidInput("dataSchema is required in the supervisor spec");
    }
    if (io == null) {
      throw DruidException.invalidInput("ioConfig is required in the supervisor spec");
    }
    this.dataSchema = ds;
    this.ioConfig = io;
    this.tuningConfig = tc == null ? KafkaTuningConfig.defaults() : tc;
    this.context = context == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(context));
    this.suspended = Boolean.TRUE.equals(suspended);
    InputFormat format = io.getInputFormat() != null ? io.getInputFormat() : ds.legacyInputFormat();
    if (format == null) {
      throw DruidException.invalidInput("ioConfig.inputFormat is required (or a legacy dataSchema.parser)");
    }
    this.inputFormat = format;
  }

  /** The nested {@code spec} object of Druid's alternate shape. */
  public static final class Parts {
    final DataSchema dataSchema;
    final KafkaSupervisorIOConfig ioConfig;
    final KafkaTuningConfig tuningConfig;

    @JsonCreator
    public Parts(@JsonProperty("dataSchema") DataSchema dataSchema,
        @JsonProperty("ioConfig") KafkaSupervisorIOConfig ioConfig,
        @JsonProperty("tuningConfig") KafkaTuningConfig tuningConfig) {
      this.dataSchema = dataSchema;
      this.ioConfig = ioConfig;
      this.tuningConfig = tuningConfig;
    }

    @JsonProperty
    public DataSchema getDataSchema() {
      return dataSchema;
    }

    @JsonProperty
    public KafkaSupervisorIOConfig getIoConfig() {
      return ioConfig;
    }

    @JsonProperty
    public KafkaTuningConfig getTuningConfig() {
      return tuningConfig;
    }
  }

  @JsonProperty("spec")
  public Parts getSpec() {
    return new Parts(dataSchema, ioConfig, tuningConfig);
  }

  @JsonProperty
  public DataSchema getDataSchema() {
    return dataSchema;
  }

  @JsonProperty
  public KafkaSupervisorIOConfig getIoConfig() {
    return ioConfig;
  }

  @JsonProperty
  public KafkaTuningConfig getTuningConfig() {
    return tuningConfig;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public Map<String, Object> getContext() {
    return context;
  }

  @Override
  @JsonProperty("suspended")
  public boolean isSuspended() {
    return suspended;
  }

  /** The input format tasks use: {@code ioConfig.inputFormat} or the legacy parser's. */
  public InputFormat inputFormat() {
    return inputFormat;
  }

  @Override
  public String getId() {
    return dataSchema.getDataSource();
  }

  @Override
  public String getType() {
    return "kafka";
  }

  @Override
  public String getSource() {
    return ioConfig.getStream();
  }

  @Override
  public List<String> getDataSources() {
    return List.of(dataSchema.getDataSource());
  }

  @Override
  public KafkaSupervisorSpec withSuspended(boolean suspend) {
    return new KafkaSupervisorSpec(null, dataSchema, ioConfig, tuningConfig, context, suspend);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KafkaSupervisorSpec that && dataSchema.equals(that.dataSchema)
        && ioConfig.equals(that.ioConfig) && tuningConfig.equals(that.tuningConfig)
        && Objects.equals(context, that.context) && suspended == that.suspended;
  }

  @Override
  public int hashCode() {
    return Objects.hash(dataSchema, ioConfig, suspended);
  }

  @Override
  public String toString() {
    return "KafkaSupervisorSpec{id=" + getId() + ", ioConfig=" + ioConfig + ", suspended=" + suspended + "}";
  }
}
