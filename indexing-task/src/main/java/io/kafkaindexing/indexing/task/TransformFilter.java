package io.kafkaindexing.indexing.task;

import io.kafkaindexing.query.engine.MapColumnSelectorFactory;
import io.kafkaindexing.query.filter.DimFilter;
import io.kafkaindexing.query.filter.ValueMatcher;
import io.kafkaindexing.segment.row.InputRow;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import io.kafkaindexing.segment.spec.DimensionSchema;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import io.kafkaindexing.segment.column.ValueType;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code transformSpec.filter} as a {@link RecordProcessor.RowFilter}: a row (after its
 * transforms) that the filter does not match, or whose result is unknown (null involved), is thrown
 * away with reason {@code filtered}. The filter reads the row's fields and {@code __time}; columns
 * declared as long, float or double dimensions compare as numbers, all others as strings, as Druid
 * reads input rows. Not thread-safe: used by the task thread only.
 */
public final class TransformFilter implements RecordProcessor.RowFilter {
  private final ValueMatcher matcher;
  private InputRow current;

  public TransformFilter(DimFilter filter, DimensionsSpec dimensions) {
    Map<String, ValueType> signature = new HashMap<>();
    for (DimensionSchema d : dimensions.getDimensions()) {
      if (d.getType().isNumeric()) {
        signature.put(d.getName(), d.getType());
      }
    }
    this.matcher = filter.makeMatcher(new MapColumnSelectorFactory(this::fields,
        () -> current.getTimestampFromEpoch(), signature));
  }

  private Map<String, Object> fields() {
    if (current instanceof MapBasedInputRow m) {
      return m.getEvent();
    }
    InputRow row = current;
    return new AbstractMap<>() {
      @Override
      public Object get(Object key) {
        return key instanceof String s ? row.getRaw(s) : null;
      }

      @Override
      public Set<Entry<String, Object>> entrySet() {
        return Set.of();
      }
    };
  }

  @Override
  public ThrownAwayReason reject(InputRow row) {
    current = row;
    try {
      return matcher.matches(false) ? null : ThrownAwayReason.FILTERED;
    } finally {
      current = null;
    }
  }

  /** {@code first}'s reason if it rejects the row, else {@code second}'s. */
  public static RecordProcessor.RowFilter both(RecordProcessor.RowFilter first, RecordProcessor.RowFilter second) {
    return row -> {
      ThrownAwayReason r = first.reject(row);
      return r != null ? r : second.reject(row);
    };
  }
}
