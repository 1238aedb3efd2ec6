package io.kafkaindexing.query.metadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One column of a {@code segmentMetadata} result, in Druid's field order. {@code cardinality} is
 * null for non-string columns; {@code minValue}/{@code maxValue} only for string columns with the
 * {@code minmax} analysis; {@code size} 0 unless the {@code size} analysis ran. Immutable.
 */
@JsonPropertyOrder({"typeSignature", "type", "hasMultipleValues", "hasNulls", "size", "cardinality", "minValue",
    "maxValue", "errorMessage"})
public record ColumnAnalysis(@JsonProperty("typeSignature") String typeSignature, @JsonProperty("type") String type,
    @JsonProperty("hasMultipleValues") boolean hasMultipleValues, @JsonProperty("hasNulls") boolean hasNulls,
    @JsonProperty("size") long size, @JsonProperty("cardinality") Integer cardinality,
    @JsonProperty("minValue") String minValue, @JsonProperty("maxValue") String maxValue,
    @JsonProperty("errorMessage") String errorMessage) {

  static ColumnAnalysis error(String message) {
    return new ColumnAnalysis("STRING", "STRING", false, false, -1, null, null, null, message);
  }

  boolean isError() {
    return errorMessage != null;
  }

  /** This analysis merged with another segment's analysis of the same column, as Druid's {@code fold}. */
  ColumnAnalysis fold(ColumnAnalysis rhs) {
    if (rhs == null) {
      return this;
    }
    if (isError() && rhs.isError()) {
      return errorMessage.equals(rhs.errorMessage) ? this : error("multiple_errors");
    }
    if (isError() || rhs.isError()) {
      return isError() ? this : rhs;
    }
    if (!Objects.equals(type, rhs.type)) {
      return error("cannot_merge_diff_types: [" + type + "] and [" + rhs.type + "]");
    }
    Integer card = cardinality == null ? rhs.cardinality
        : rhs.cardinality == null ? cardinality : Integer.valueOf(Math.max(cardinality, rhs.cardinality));
    return new ColumnAnalysis(typeSignature, type, hasMultipleValues || rhs.hasMultipleValues,
        hasNulls || rhs.hasNulls, size + rhs.size, card, choose(minValue, rhs.minValue, false),
        choose(maxValue, rhs.maxValue, true), null);
  }

  /** Null counts as the smallest value. */
  private static String choose(String a, String b, boolean max) {
    if (a == null) {
      return max ? b : null;
    }
    if (b == null) {
      return max ? a : null;
    }
    int c = max ? a.compareTo(b) : b.compareTo(a);
    return c > 0 ? a : b;
  }
}
