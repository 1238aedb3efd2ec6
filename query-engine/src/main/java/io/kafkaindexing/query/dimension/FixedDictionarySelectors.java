package io.kafkaindexing.query.dimension;

import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.DimensionSelector;
import io.kafkaindexing.segment.column.ValueType;

/**
 * Decides when an engine may group a dimension on its dictionary ids instead of its values: a
 * {@link DefaultDimensionSpec} reporting strings (no extraction, no value filter) over a column
 * whose selector has a fixed dictionary ({@link DimensionSelector#hasFixedDictionary()}, the
 * columns of persisted segments). Distinct ids then stand for distinct reported values, so
 * grouping on ids gives the same groups as grouping on values. Stateless.
 */
public final class FixedDictionarySelectors {
  private FixedDictionarySelectors() {}

  /** The selector to group {@code spec} on by id, or null when grouping must use the values. */
  public static DimensionSelector forGrouping(DimensionSpec spec, ColumnSelectorFactory columns) {
    if (!(spec instanceof DefaultDimensionSpec) || spec.getExtractionFn() != null
        || spec.getOutputType() != ValueType.STRING) {
      return null;
    }
    ColumnCapabilities caps = columns.getColumnCapabilities(spec.getDimension());
    if (caps == null || caps.type() != ValueType.STRING) {
      return null;
    }
    DimensionSelector selector = columns.makeDimensionSelector(spec.getDimension());
    return selector.hasFixedDictionary() && selector.getValueCardinality() >= 0 ? selector : null;
  }
}
