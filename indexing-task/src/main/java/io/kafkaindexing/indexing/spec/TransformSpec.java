package io.kafkaindexing.indexing.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.filter.DimFilter;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Druid's {@code transformSpec}: {@code transforms} (expression transforms computing fields of each
 * input row, see {@link ExpressionTransform}) and {@code filter} (any query filter; rows it does not
 * match are thrown away, counted as {@code thrownAway}). Transforms are applied before the filter,
 * so the filter sees their outputs. Immutable.
 */
public final class TransformSpec {
  public static final TransformSpec NONE = new TransformSpec(null, null);

  private final DimFilter filter;
  private final List<ExpressionTransform> transforms;

  @JsonCreator
  public TransformSpec(@JsonProperty("filter") DimFilter filter,
      @JsonProperty("transforms") List<ExpressionTransform> transforms) {
    this.filter = filter;
    this.transforms = transforms == null ? List.of() : checkTransforms(transforms);
  }

  private static List<ExpressionTransform> checkTransforms(List<ExpressionTransform> transforms) {
    Set<String> names = new HashSet<>();
    for (ExpressionTransform t : transforms) {
      if (t == null) {
        throw DruidException.invalidInput("dataSchema.transformSpec.transforms has a null entry");
      }
      if (!names.add(t.getName())) {
        throw DruidException.invalidInput("dataSchema.transformSpec.transforms has duplicate name[%s]", t.getName());
      }
    }
    return List.copyOf(transforms);
  }

  @JsonProperty
  public DimFilter getFilter() {
    return filter;
  }

  @JsonProperty
  public List<ExpressionTransform> getTransforms() {
    return transforms;
  }

  /** True when there is neither a filter nor a transform. */
  @JsonIgnore
  public boolean isEmpty() {
    return filter == null && transforms.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransformSpec that && Objects.equals(filter, that.filter) && transforms.equals(that.transforms);
  }

  @Override
  public int hashCode() {
    return Objects.hash(filter, transforms);
  }

  @Override
  public String toString() {
    return "TransformSpec{filter=" + filter + ", transforms=" + transforms + "}";
  }
}
