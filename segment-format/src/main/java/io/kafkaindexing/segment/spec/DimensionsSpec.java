package io.kafkaindexing.segment.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Druid's {@code dimensionsSpec}: the dimensions to index in order ({@code dimensions}), columns
 * never to index ({@code dimensionExclusions}), and the discovery switches
 * {@code includeAllDimensions} / {@code useSchemaDiscovery}. An empty {@code dimensions} list means
 * schemaless: every input field not excluded (nor the timestamp or a metric input) becomes a
 * string dimension. Immutable.
 */
public final class DimensionsSpec {
  private final List<DimensionSchema> dimensions;
  private final List<String> dimensionExclusions;
  private final boolean includeAllDimensions;
  private final boolean useSchemaDiscovery;

  @JsonCreator
  public DimensionsSpec(@JsonProperty("dimensions") List<DimensionSchema> dimensions,
      @JsonProperty("dimensionExclusions") List<String> dimensionExclusions,
      @JsonProperty("includeAllDimensions") Boolean includeAllDimensions,
      @JsonProperty("useSchemaDiscovery") Boolean useSchemaDiscovery) {
    this.dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    Set<String> seen = new HashSet<>();
    for (DimensionSchema d : this.dimensions) {
      if (!seen.add(d.getName())) {
        throw new IllegalArgumentException("dimensionsSpec.dimensions contains duplicate dimension[" + d.getName() + "]");
      }
    }
    this.dimensionExclusions = dimensionExclusions == null ? List.of() : List.copyOf(new LinkedHashSet<>(dimensionExclusions));
    for (String excluded : this.dimensionExclusions) {
      if (seen.contains(excluded)) {
        throw new IllegalArgumentException("dimensionsSpec: dimension[" + excluded + "] is both listed and excluded");
      }
    }
    this.includeAllDimensions = Boolean.TRUE.equals(includeAllDimensions);
    this.useSchemaDiscovery = Boolean.TRUE.equals(useSchemaDiscovery);
  }

  public static DimensionsSpec of(List<String> names) {
    List<DimensionSchema> schemas = new ArrayList<>();
    names.forEach(n -> schemas.add(DimensionSchema.of(n)));
    return new DimensionsSpec(schemas, null, null, null);
  }

  /** A copy whose exclusions also hold {@code more} (the timestamp column and metric inputs). */
  public DimensionsSpec withExtraExclusions(List<String> more) {
    List<String> all = new ArrayList<>(dimensionExclusions);
    Set<String> named = new HashSet<>(getDimensionNames());
    for (String m : more) {
      if (m != null && !named.contains(m) && !all.contains(m)) {
        all.add(m);
      }
    }
    return new DimensionsSpec(dimensions, all, includeAllDimensions, useSchemaDiscovery);
  }

  @JsonProperty
  public List<DimensionSchema> getDimensions() {
    return dimensions;
  }

  @JsonIgnore
  public List<String> getDimensionNames() {
    List<String> names = new ArrayList<>(dimensions.size());
    dimensions.forEach(d -> names.add(d.getName()));
    return names;
  }

  @JsonProperty
  public List<String> getDimensionExclusions() {
    return dimensionExclusions;
  }

  @JsonProperty
  public boolean isIncludeAllDimensions() {
    return includeAllDimensions;
  }

  @JsonProperty
  public boolean isUseSchemaDiscovery() {
    return useSchemaDiscovery;
  }

  /** True when input fields not listed become dimensions (schemaless or includeAllDimensions). */
  public boolean discoversDimensions() {
    return dimensions.isEmpty() || includeAllDimensions || useSchemaDiscovery;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DimensionsSpec that && dimensions.equals(that.dimensions)
        && dimensionExclusions.equals(that.dimensionExclusions)
        && includeAllDimensions == that.includeAllDimensions && useSchemaDiscovery == that.useSchemaDiscovery;
  }

  @Override
  public int hashCode() {
    return Objects.hash(dimensions, dimensionExclusions, includeAllDimensions, useSchemaDiscovery);
  }

  @Override
  public String toString() {
    return "DimensionsSpec{dimensions=" + dimensions + ", dimensionExclusions=" + dimensionExclusions + "}";
  }
}
