package io.kafkaindexing.indexing.input;

import io.kafkaindexing.segment.row.InputRow;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a raw row into an {@link InputRow}: the time from {@code timestampSpec}, the dimensions from
 * {@code dimensionsSpec} (listed ones, plus discovered fields when the spec discovers: every field
 * but the timestamp column, the exclusions and the metric inputs). Immutable and thread-safe.
 */
public final class InputRowParser {
  private final TimestampSpec timestampSpec;
  private final DimensionsSpec dimensionsSpec;
  private final List<String> listed;
  private final Set<String> notDimensions;

  public InputRowParser(TimestampSpec timestampSpec, DimensionsSpec dimensionsSpec, Set<String> metricInputs) {
    this.timestampSpec = timestampSpec;
    this.dimensionsSpec = dimensionsSpec;
    this.listed = dimensionsSpec.getDimensionNames();
    Set<String> excluded = new HashSet<>(dimensionsSpec.getDimensionExclusions());
    excluded.add(timestampSpec.getTimestampColumn());
    excluded.addAll(metricInputs);
    excluded.removeAll(listed);
    this.notDimensions = Set.copyOf(excluded);
  }

  /**
   * The row, or a {@link ParseException} saying why the time is missing or unreadable.
   */
  public InputRow parse(Map<String, Object> raw) throws ParseException {
    long timestamp;
    try {
      timestamp = timestampSpec.extractTimestamp(raw.get(timestampSpec.getTimestampColumn()));
    } catch (IllegalArgumentException e) {
      throw new ParseException("Timestamp[" + raw.get(timestampSpec.getTimestampColumn())
          + "] is unparseable! Event: " + raw + ": " + e.getMessage(), e);
    }
    return new MapBasedInputRow(timestamp, dimensionsOf(raw), raw);
  }

  private List<String> dimensionsOf(Map<String, Object> raw) {
    if (!dimensionsSpec.discoversDimensions()) {
      return listed;
    }
    Set<String> dims = new LinkedHashSet<>(listed);
    for (String field : raw.keySet()) {
      if (!notDimensions.contains(field)) {
        dims.add(field);
      }
    }
    return new ArrayList<>(dims);
  }
}
