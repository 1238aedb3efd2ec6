package io.kafkaindexing.indexing.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Druid's {@code transformSpec} ({@code filter}, {@code transforms}). Only the empty spec is
 * supported yet; a filter or transforms are refused naming the field rather than ignored.
 * Immutable.
 */
public final class TransformSpec {
  public static final TransformSpec NONE = new TransformSpec(null, null);

  @JsonCreator
  public TransformSpec(@JsonProperty("filter") Map<String, Object> filter,
      @JsonProperty("transforms") List<Map<String, Object>> transforms) {
    if (filter != null) {
      throw new IllegalArgumentException("dataSchema.transformSpec.filter is not supported yet");
    }
    if (transforms != null && !transforms.isEmpty()) {
      throw new IllegalArgumentException("dataSchema.transformSpec.transforms is not supported yet");
    }
  }

  @JsonProperty
  public Object getFilter() {
    return null;
  }

  @JsonProperty
  public List<Object> getTransforms() {
    return List.of();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransformSpec;
  }

  @Override
  public int hashCode() {
    return 1;
  }
}
