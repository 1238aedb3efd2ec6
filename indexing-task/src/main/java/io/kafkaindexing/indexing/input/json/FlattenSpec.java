package io.kafkaindexing.indexing.input.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Druid's {@code flattenSpec}: {@code useFieldDiscovery} (default true: every top-level field whose
 * value is a primitive or an array of primitives is a field of the row) and {@code fields} (named
 * extractions, see {@link FlattenFieldSpec}; names must be unique). Declared fields come first in
 * the row, then discovered ones not declared. Immutable.
 */
public final class FlattenSpec {
  public static final FlattenSpec DEFAULT = new FlattenSpec(null, null);

  private final boolean useFieldDiscovery;
  private final List<FlattenFieldSpec> fields;

  @JsonCreator
  public FlattenSpec(@JsonProperty("useFieldDiscovery") Boolean useFieldDiscovery,
      @JsonProperty("fields") List<FlattenFieldSpec> fields) {
    this.useFieldDiscovery = useFieldDiscovery == null || useFieldDiscovery;
    this.fields = fields == null ? List.of() : List.copyOf(fields);
    Set<String> names = new HashSet<>();
    for (FlattenFieldSpec f : this.fields) {
      if (!names.add(f.getName())) {
        throw new IllegalArgumentException("flattenSpec cannot have duplicate field definition: " + f.getName());
      }
    }
  }

  @JsonProperty
  public boolean isUseFieldDiscovery() {
    return useFieldDiscovery;
  }

  @JsonProperty
  public List<FlattenFieldSpec> getFields() {
    return fields;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlattenSpec that && useFieldDiscovery == that.useFieldDiscovery && fields.equals(that.fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(useFieldDiscovery, fields);
  }

  @Override
  public String toString() {
    return "FlattenSpec{useFieldDiscovery=" + useFieldDiscovery + ", fields=" + fields + "}";
  }
}
