package io.kafkaindexing.query.metadata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.DataSource;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QuerySegmentSpec;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.granularity.Granularity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Druid's native {@code segmentMetadata} query: per segment (or merged, with {@code merge}) its
 * columns ({@code toInclude}: {@code all}, {@code none} or a {@code list}), row count, and the
 * {@code analysisTypes} asked for (default {@code cardinality}, {@code interval}, {@code minmax};
 * also {@code size}, {@code aggregators}, {@code timestampSpec}, {@code queryGranularity},
 * {@code rollup}). {@code aggregatorMergeStrategy} ({@code strict} default, {@code lenient},
 * {@code earliest}, {@code latest}; or the older {@code lenientAggregatorMerge}) decides how merged
 * aggregators agree. Without {@code intervals} ({@code usingDefaultInterval}), the segments of the
 * week before the latest segment's end are analyzed. Immutable.
 */
public final class SegmentMetadataQuery extends Query {
  public static final String TYPE = "segmentMetadata";

  /** The analyses, by Druid's JSON names. */
  public enum AnalysisType {
    CARDINALITY, SIZE, INTERVAL, AGGREGATORS, MINMAX, TIMESTAMPSPEC, QUERYGRANULARITY, ROLLUP;

    static AnalysisType parse(String name) {
      try {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw DruidException.invalidInput("Unknown analysisType[%s]: expected cardinality, size, interval, "
            + "aggregators, minmax, timestampSpec, queryGranularity or rollup", name);
      }
    }

    String jsonName() {
      return switch (this) {
        case TIMESTAMPSPEC -> "timestampSpec";
        case QUERYGRANULARITY -> "queryGranularity";
        default -> name().toLowerCase(Locale.ROOT);
      };
    }
  }

  private static final Set<AnalysisType> DEFAULT_ANALYSES =
      EnumSet.of(AnalysisType.CARDINALITY, AnalysisType.INTERVAL, AnalysisType.MINMAX);

  private final String toIncludeType;
  private final Set<String> includedColumns;
  private final boolean merge;
  private final Set<AnalysisType> analysisTypes;
  private final String aggregatorMergeStrategy;
  private final boolean usingDefaultInterval;

  @JsonCreator
  public SegmentMetadataQuery(@JsonProperty("dataSource") DataSource dataSource,
      @JsonProperty("intervals") QuerySegmentSpec intervals, @JsonProperty("toInclude") JsonNode toInclude,
      @JsonProperty("merge") Boolean merge, @JsonProperty("analysisTypes") List<String> analysisTypes,
      @JsonProperty("lenientAggregatorMerge") Boolean lenientAggregatorMerge,
      @JsonProperty("aggregatorMergeStrategy") String aggregatorMergeStrategy,
      @JsonProperty("usingDefaultInterval") Boolean usingDefaultInterval,
      @JsonProperty("context") Map<String, Object> context) {
    super(dataSource, intervals == null ? QuerySegmentSpec.ETERNITY : intervals, context);
    this.usingDefaultInterval = usingDefaultInterval != null ? usingDefaultInterval : intervals == null;
    String type = toInclude == null || toInclude.isNull() ? "all" : toInclude.path("type").asText("all");
    if (!type.equals("all") && !type.equals("none") && !type.equals("list")) {
      throw DruidException.invalidInput("Unknown toInclude type[%s]: expected all, none or list", type);
    }
    this.toIncludeType = type;
    Set<String> cols = new LinkedHashSet<>();
    if (type.equals("list")) {
      toInclude.path("columns").forEach(c -> cols.add(c.asText()));
    }
    this.includedColumns = cols;
    this.merge = Boolean.TRUE.equals(merge);
    if (analysisTypes == null) {
      this.analysisTypes = DEFAULT_ANALYSES;
    } else {
      Set<AnalysisType> set = EnumSet.noneOf(AnalysisType.class);
      analysisTypes.forEach(a -> set.add(AnalysisType.parse(a)));
      this.analysisTypes = set;
    }
    if (lenientAggregatorMerge != null && aggregatorMergeStrategy != null) {
      throw DruidException.invalidInput("Both lenientAggregatorMerge[%s] and aggregatorMergeStrategy[%s] are set: "
          + "use aggregatorMergeStrategy only", lenientAggregatorMerge, aggregatorMergeStrategy);
    }
    String strategy = aggregatorMergeStrategy != null ? aggregatorMergeStrategy.toLowerCase(Locale.ROOT)
        : Boolean.TRUE.equals(lenientAggregatorMerge) ? "lenient" : "strict";
    if (!List.of("strict", "lenient", "earliest", "latest").contains(strategy)) {
      throw DruidException.invalidInput("Unknown aggregatorMergeStrategy[%s]: expected strict, lenient, earliest or "
          + "latest", aggregatorMergeStrategy);
    }
    this.aggregatorMergeStrategy = strategy;
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public Granularity getGranularity() {
    return Granularities.ALL;
  }

  public boolean includes(String column) {
    return switch (toIncludeType) {
      case "none" -> false;
      case "list" -> includedColumns.contains(column);
      default -> true;
    };
  }

  @JsonProperty("merge")
  public boolean isMerge() {
    return merge;
  }

  public boolean analyzes(AnalysisType type) {
    return analysisTypes.contains(type);
  }

  @JsonProperty("analysisTypes")
  public List<String> getAnalysisTypes() {
    List<String> out = new ArrayList<>();
    analysisTypes.forEach(a -> out.add(a.jsonName()));
    return out;
  }

  @JsonProperty
  public String getAggregatorMergeStrategy() {
    return aggregatorMergeStrategy;
  }

  @Override
  public SegmentMetadataQuery withContext(Map<String, Object> context) {
    SegmentMetadataQuery copy = new SegmentMetadataQuery(getDataSource(), getQuerySegmentSpec(), null, merge,
        getAnalysisTypes(), null, aggregatorMergeStrategy, usingDefaultInterval, context);
    return copy.withInclude(toIncludeType, includedColumns);
  }

  private SegmentMetadataQuery withInclude(String type, Set<String> columns) {
    return new SegmentMetadataQuery(this, type, columns);
  }

  private SegmentMetadataQuery(SegmentMetadataQuery base, String type, Set<String> columns) {
    super(base.getDataSource(), base.getQuerySegmentSpec(), base.getContext());
    this.toIncludeType = type;
    this.includedColumns = columns;
    this.merge = base.merge;
    this.analysisTypes = base.analysisTypes;
    this.aggregatorMergeStrategy = base.aggregatorMergeStrategy;
    this.usingDefaultInterval = base.usingDefaultInterval;
  }

  /** Whether {@code intervals} was left out, so that only the latest week of segments is analyzed. */
  @JsonProperty
  public boolean isUsingDefaultInterval() {
    return usingDefaultInterval;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SegmentMetadataQuery that && getDataSource().equals(that.getDataSource())
        && getQuerySegmentSpec().equals(that.getQuerySegmentSpec()) && getContext().equals(that.getContext())
        && toIncludeType.equals(that.toIncludeType) && includedColumns.equals(that.includedColumns)
        && merge == that.merge && analysisTypes.equals(that.analysisTypes)
        && aggregatorMergeStrategy.equals(that.aggregatorMergeStrategy)
        && usingDefaultInterval == that.usingDefaultInterval;
  }

  @Override
  public int hashCode() {
    return Objects.hash(getDataSource(), getQuerySegmentSpec(), toIncludeType, includedColumns, merge, analysisTypes);
  }

  @Override
  public String toString() {
    return "SegmentMetadataQuery{dataSource=" + getDataSource() + ", intervals=" + getIntervals() + ", merge=" + merge
        + ", analysisTypes=" + analysisTypes + "}";
  }
}
