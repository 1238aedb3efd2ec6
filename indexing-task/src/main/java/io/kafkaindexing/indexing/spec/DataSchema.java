package io.kafkaindexing.indexing.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.indexing.input.InputFormat;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Druid's {@code dataSchema}: {@code dataSource}, {@code timestampSpec}, {@code dimensionsSpec},
 * {@code metricsSpec}, {@code granularitySpec}, {@code transformSpec}, or the legacy {@code parser}
 * ({@code {"type":"string","parseSpec":{"format":"json","timestampSpec","dimensionsSpec"}}}) whose
 * specs are used when the top-level ones are absent (see {@link LegacyParseSpec}). The legacy parser is kept as given for the
 * spec echo; {@link #legacyInputFormat()} turns it into the equivalent {@code inputFormat}.
 * Immutable.
 */
public final class DataSchema {
  private final String dataSource;
  private final TimestampSpec timestampSpec;
  private final DimensionsSpec dimensionsSpec;
  private final List<AggregatorFactory> metricsSpec;
  private final GranularitySpec granularitySpec;
  private final TransformSpec transformSpec;
  private final Map<String, Object> parser;

  @JsonCreator
  public DataSchema(@JsonProperty("dataSource") String dataSource,
      @JsonProperty("timestampSpec") TimestampSpec timestampSpec,
      @JsonProperty("dimensionsSpec") DimensionsSpec dimensionsSpec,
      @JsonProperty("metricsSpec") List<AggregatorFactory> metricsSpec,
      @JsonProperty("granularitySpec") GranularitySpec granularitySpec,
      @JsonProperty("transformSpec") TransformSpec transformSpec,
      @JsonProperty("parser") Map<String, Object> parser) {
    this.dataSource = checkDataSource(dataSource);
    // Kept as given (key order, null values) for the spec echo.
    this.parser = parser == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(parser));
    LegacyParseSpec legacy = parser == null ? null : LegacyParseSpec.of(parser);
    TimestampSpec ts = timestampSpec != null ? timestampSpec : legacy != null ? legacy.timestampSpec() : null;
    if (ts == null) {
      throw DruidException.invalidInput("dataSchema.timestampSpec is required (or a legacy dataSchema.parser"
          + " with a parseSpec.timestampSpec)");
    }
    this.timestampSpec = ts;
    this.metricsSpec = metricsSpec == null ? List.of() : List.copyOf(metricsSpec);
    DimensionsSpec dims = dimensionsSpec != null ? dimensionsSpec
        : legacy != null && legacy.dimensionsSpec() != null ? legacy.dimensionsSpec()
        : new DimensionsSpec(null, null, null, null);
    this.dimensionsSpec = dims.withExtraExclusions(druidExclusions(ts, this.metricsSpec));
    this.granularitySpec = granularitySpec == null ? GranularitySpec.defaults() : granularitySpec;
    this.transformSpec = transformSpec == null ? TransformSpec.NONE : transformSpec;
    checkColumns();
  }

  /**
   * What Druid adds to {@code dimensionExclusions} (and echoes): the timestamp column and every
   * metric's name and input fields, unless listed as dimensions.
   */
  private static List<String> druidExclusions(TimestampSpec timestampSpec, List<AggregatorFactory> metrics) {
    List<String> out = new ArrayList<>();
    out.add(timestampSpec.getTimestampColumn());
    for (AggregatorFactory metric : metrics) {
      out.addAll(metric.requiredFields());
      out.add(metric.getName());
    }
    return out;
  }

  private static String checkDataSource(String dataSource) {
    if (dataSource == null || dataSource.isBlank()) {
      throw DruidException.invalidInput("dataSchema.dataSource is required and cannot be empty");
    }
    if (dataSource.contains("/")) {
      throw DruidException.invalidInput("dataSchema.dataSource[%s] cannot contain '/'", dataSource);
    }
    if (!dataSource.equals(dataSource.strip())) {
      throw DruidException.invalidInput("dataSchema.dataSource[%s] cannot start or end with whitespace", dataSource);
    }
    return dataSource;
  }

  private void checkColumns() {
    Set<String> names = new HashSet<>(dimensionsSpec.getDimensionNames());
    Set<String> metricNames = new HashSet<>();
    for (AggregatorFactory metric : metricsSpec) {
      if (!metricNames.add(metric.getName())) {
        throw DruidException.invalidInput("dataSchema.metricsSpec has duplicate metric name[%s]", metric.getName());
      }
      if (names.contains(metric.getName())) {
        throw DruidException.invalidInput("Column[%s] is both a dimension and a metric in dataSchema",
            metric.getName());
      }
    }
    if (names.contains("__time") || metricNames.contains("__time")) {
      throw DruidException.invalidInput("Column name[__time] is reserved for the row timestamp");
    }
  }

  @JsonProperty
  public String getDataSource() {
    return dataSource;
  }

  @JsonProperty
  public TimestampSpec getTimestampSpec() {
    return timestampSpec;
  }

  @JsonProperty
  public DimensionsSpec getDimensionsSpec() {
    return dimensionsSpec;
  }

  @JsonProperty
  public List<AggregatorFactory> getMetricsSpec() {
    return metricsSpec;
  }

  @JsonProperty
  public GranularitySpec getGranularitySpec() {
    return granularitySpec;
  }

  @JsonProperty
  public TransformSpec getTransformSpec() {
    return transformSpec;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public Map<String, Object> getParser() {
    return parser;
  }

  /**
   * The metric names and the fields metrics read; schemaless discovery does not turn them into
   * dimensions (Druid adds them to the dimension exclusions).
   */
  public Set<String> metricFields() {
    Set<String> fields = new LinkedHashSet<>();
    metricsSpec.forEach(m -> {
      fields.add(m.getName());
      fields.addAll(m.requiredFields());
    });
    return fields;
  }

  /** The input format the legacy {@code parser} describes, or null without a parser. */
  public InputFormat legacyInputFormat() {
    return parser == null ? null : LegacyParseSpec.of(parser).inputFormat();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataSchema that && dataSource.equals(that.dataSource)
        && timestampSpec.equals(that.timestampSpec) && dimensionsSpec.equals(that.dimensionsSpec)
        && metricsSpec.equals(that.metricsSpec) && granularitySpec.equals(that.granularitySpec)
        && transformSpec.equals(that.transformSpec) && Objects.equals(parser, that.parser);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dataSource, timestampSpec, dimensionsSpec, metricsSpec, granularitySpec, transformSpec, parser);
  }
}
