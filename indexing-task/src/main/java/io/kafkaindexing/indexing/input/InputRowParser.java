package io.kafkaindexing.indexing.input;

import io.kafkaindexing.indexing.spec.ExpressionTransform;
import io.kafkaindexing.query.expression.Bindings;
import io.kafkaindexing.query.expression.ExprValue;
import io.kafkaindexing.segment.read.ColumnNames;
import io.kafkaindexing.segment.row.InputRow;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a raw row into an {@link InputRow} as Druid's map parser does: the time from
 * {@code timestampSpec} and the dimension names from {@code dimensionsSpec}: the listed ones; with
 * {@code includeAllDimensions} or {@code useSchemaDiscovery} the listed ones then every other field;
 * with no listed dimensions every field. Discovered fields never include the timestamp column, the
 * {@code dimensionExclusions}, nor metric names and inputs.
 *
 * <p>The {@code transformSpec.transforms} are applied to the parsed row: each reads the input fields
 * and {@code __time} (the parsed time), and its value shadows the field of its name (discovered as
 * a dimension like any field); a {@code __time} transform replaces the row time. A transform that
 * fails, or a {@code __time} that is not a number (a numeric string is read as one), makes the row unparseable. Immutable and
 * thread-safe.
 */
public final class InputRowParser {
  /** Druid's bounds for a row time (half the long range either way). */
  private static final long MIN_INSTANT = Long.MIN_VALUE / 2;
  private static final long MAX_INSTANT = Long.MAX_VALUE / 2;
  private static final int EVENT_PREVIEW_CHARS = 100;

  private final TimestampSpec timestampSpec;
  private final DimensionsSpec dimensionsSpec;
  private final List<String> listed;
  private final Set<String> notDimensions;
  private final List<ExpressionTransform> transforms;

  public InputRowParser(TimestampSpec timestampSpec, DimensionsSpec dimensionsSpec, Set<String> metricFields) {
    this(timestampSpec, dimensionsSpec, metricFields, List.of());
  }

  public InputRowParser(TimestampSpec timestampSpec, DimensionsSpec dimensionsSpec, Set<String> metricFields,
      List<ExpressionTransform> transforms) {
    this.transforms = List.copyOf(transforms);
    this.timestampSpec = timestampSpec;
    this.dimensionsSpec = dimensionsSpec;
    this.listed = List.copyOf(dimensionsSpec.getDimensionNames());
    Set<String> excluded = new HashSet<>(dimensionsSpec.getDimensionExclusions());
    excluded.add(timestampSpec.getTimestampColumn());
    excluded.add(ColumnNames.TIME);
    excluded.addAll(metricFields);
    excluded.removeAll(listed);
    this.notDimensions = Set.copyOf(excluded);
  }

  /**
   * The row, or a {@link ParseException} with Druid's message when the time is missing, unreadable
   * or out of range.
   */
  public InputRow parse(Map<String, Object> raw) throws ParseException {
    Object rawTime = raw.get(timestampSpec.getTimestampColumn());
    long timestamp;
    try {
      timestamp = timestampSpec.extractTimestamp(rawTime);
    } catch (IllegalArgumentException e) {
      String event = preview(raw);
      throw new ParseException(event, "Timestamp[" + rawTime + "] is unparseable! Event: " + event, e);
    }
    checkRange(timestamp, raw);
    if (transforms.isEmpty()) {
      return new MapBasedInputRow(timestamp, dimensionsOf(raw), raw);
    }
    return transform(timestamp, raw);
  }

  private static void checkRange(long timestamp, Map<String, Object> raw) throws ParseException {
    if (timestamp < MIN_INSTANT || timestamp > MAX_INSTANT) {
      String event = preview(raw);
      throw new ParseException(event, "Encountered row with timestamp[" + timestamp
          + "] that cannot be represented as a long: [" + event + "]", null);
    }
  }

  /** The row with the transforms' values; each transform sees the input fields only. */
  private InputRow transform(long timestamp, Map<String, Object> raw) throws ParseException {
    Bindings input = name -> ColumnNames.TIME.equals(name) ? (Object) timestamp : raw.get(name);
    Map<String, Object> fields = new LinkedHashMap<>(raw);
    long time = timestamp;
    for (ExpressionTransform t : transforms) {
      Object value;
      try {
        value = t.evaluate(input);
      } catch (RuntimeException e) {
        String event = preview(raw);
        throw new ParseException(event, "Could not transform value for field[" + t.getName() + "]: "
            + e.getMessage() + ". Event: " + event, e);
      }
      if (ColumnNames.TIME.equals(t.getName())) {
        Number n = value instanceof List<?> ? null : ExprValue.bestEffortOf(value).asNumber();
        if (n == null) {
          String event = preview(raw);
          throw new ParseException(event, "Could not transform value for __time: transform[__time] gave[" + value
              + "], not a number. Event: " + event, null);
        }
        time = n.longValue();
      } else {
        fields.put(t.getName(), value);
      }
    }
    checkRange(time, raw);
    Map<String, Object> event = new FallbackMap(fields, raw::get);
    return new MapBasedInputRow(time, dimensionsOf(event), event);
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

  /** The row as Druid prints it in parse errors: its map form, cut at 100 characters. */
  static String preview(Map<String, Object> raw) {
    String s = String.valueOf(raw);
    return s.length() < EVENT_PREVIEW_CHARS ? s : s.substring(0, EVENT_PREVIEW_CHARS) + "...";
  }
}
