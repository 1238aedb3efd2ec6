package io.kafkaindexing.segment.persisted;

import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ValueType;
import io.kafkaindexing.segment.read.SegmentView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The columns of a segment to write: dimensions in schema order (union of the inputs' in order of
 * first appearance) and metrics sorted by name, as Druid stores them, each with its type and, for
 * metrics, the combining aggregator that rolls stored values up. Immutable.
 */
record SegmentSchema(List<Column> dimensions, List<Column> metrics) {
  /** One column: name, type, complex type name (complex metrics), combining aggregator (metrics, may be null). */
  record Column(String name, ValueType type, boolean multiValue, String complexTypeName, AggregatorFactory combiner) {}

  SegmentSchema {
    dimensions = List.copyOf(dimensions);
    metrics = List.copyOf(metrics);
  }

  /**
   * The schema of {@code views} merged, with {@code aggregators} (stored form) giving metric types
   * and combiners; {@code complexTypes} names the complex type of a metric column (or null).
   */
  static SegmentSchema of(List<SegmentView> views, List<AggregatorFactory> aggregators,
      java.util.function.Function<String, String> complexTypes) {
    Map<String, Column> dims = new LinkedHashMap<>();
    Map<String, Column> metrics = new TreeMap<>();
    Map<String, AggregatorFactory> byName = new LinkedHashMap<>();
    aggregators.forEach(a -> byName.put(a.getName(), a.getCombiningFactory()));
    for (SegmentView view : views) {
      for (String d : view.getDimensionNames()) {
        ColumnCapabilities caps = view.getColumnCapabilities(d);
        ValueType type = caps == null ? ValueType.STRING : caps.type();
        boolean multi = caps != null && caps.hasMultipleValues();
        Column old = dims.get(d);
        if (old == null) {
          dims.put(d, new Column(d, type, multi, null, null));
        } else if (old.type() != type && caps != null) {
          throw new IllegalArgumentException("Dimension[" + d + "] has type[" + old.type().jsonName()
              + "] in one segment and [" + type.jsonName() + "] in another");
        } else if (multi && !old.multiValue()) {
          dims.put(d, new Column(d, type, true, null, null));
        }
      }
      for (String m : view.getMetricNames()) {
        if (metrics.containsKey(m)) {
          continue;
        }
        AggregatorFactory combiner = byName.get(m);
        ColumnCapabilities caps = view.getColumnCapabilities(m);
        ValueType type = combiner != null ? combiner.getIntermediateType() : caps == null ? ValueType.DOUBLE
            : caps.type();
        metrics.put(m, new Column(m, type, false, type == ValueType.COMPLEX ? complexTypes.apply(m) : null,
            combiner));
      }
    }
    return new SegmentSchema(new ArrayList<>(dims.values()), new ArrayList<>(metrics.values()));
  }
}
