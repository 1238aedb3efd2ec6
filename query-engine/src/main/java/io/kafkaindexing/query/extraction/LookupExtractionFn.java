package io.kafkaindexing.query.extraction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import java.util.Objects;

/**
 * {@code {"type": "lookup", "lookup": {"type": "map", ...}, "retainMissingValue",
 * "replaceMissingValueWith", "injective", "optimize"}}: the value mapped by the lookup; a value
 * without mapping gives itself when {@code retainMissingValue}, else {@code replaceMissingValueWith}
 * (default null). Immutable.
 */
public final class LookupExtractionFn implements ExtractionFn {
  private final MapLookup lookup;
  private final boolean retainMissingValue;
  private final String replaceMissingValueWith;
  private final Boolean injective;
  private final boolean optimize;

  @JsonCreator
  public LookupExtractionFn(@JsonProperty("lookup") MapLookup lookup,
      @JsonProperty("retainMissingValue") Boolean retainMissingValue,
      @JsonProperty("replaceMissingValueWith") String replaceMissingValueWith,
      @JsonProperty("injective") Boolean injective, @JsonProperty("optimize") Boolean optimize) {
    if (lookup == null) {
      throw DruidException.invalidInput("Extraction function of type[lookup] needs a field[lookup]");
    }
    this.retainMissingValue = Boolean.TRUE.equals(retainMissingValue);
    if (this.retainMissingValue && replaceMissingValueWith != null) {
      throw DruidException.invalidInput("Cannot specify replaceMissingValueWith and retainMissingValue");
    }
    this.lookup = lookup;
    this.replaceMissingValueWith = replaceMissingValueWith;
    this.injective = injective;
    this.optimize = optimize == null || optimize;
  }

  @JsonProperty
  public MapLookup getLookup() {
    return lookup;
  }

  @JsonProperty
  public boolean isRetainMissingValue() {
    return retainMissingValue;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String getReplaceMissingValueWith() {
    return replaceMissingValueWith;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public Boolean getInjective() {
    return injective;
  }

  @JsonProperty
  public boolean isOptimize() {
    return optimize;
  }

  @Override
  public String apply(Object value) {
    String key = ExtractionFns.str(value);
    String mapped = lookup.lookup(key);
    if (mapped != null) {
      return mapped;
    }
    return retainMissingValue ? key : replaceMissingValueWith;
  }

  @Override
  public boolean isOneToOne() {
    return injective != null ? injective : lookup.isOneToOne();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LookupExtractionFn that && lookup.equals(that.lookup)
        && retainMissingValue == that.retainMissingValue
        && Objects.equals(replaceMissingValueWith, that.replaceMissingValueWith)
        && Objects.equals(injective, that.injective);
  }

  @Override
  public int hashCode() {
    return Objects.hash(lookup, retainMissingValue, replaceMissingValueWith, injective);
  }
}
