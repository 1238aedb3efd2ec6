package io.kafkaindexing.query;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.core.error.DruidException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.Interval;
import org.joda.time.chrono.ISOChronology;

/**
 * A query's {@code intervals}: a list of ISO-8601 intervals ({@code ["2018-03-06/2018-03-07"]}),
 * one string (several separated by commas), or {@code {"type": "intervals", "intervals": [...]}}.
 * Intervals are read in UTC, sorted and condensed (overlapping or abutting ones merged), as Druid
 * does. Written in the object form. Immutable.
 */
public final class QuerySegmentSpec {
  private final List<Interval> intervals;

  /** All time, as Druid's {@code Intervals.ETERNITY}: the default of query types whose intervals are optional. */
  public static final QuerySegmentSpec ETERNITY = new QuerySegmentSpec(List.of(
      new Interval(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2, ISOChronology.getInstanceUTC())));

  public QuerySegmentSpec(List<Interval> intervals) {
    this.intervals = condense(intervals);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static QuerySegmentSpec fromJson(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    JsonNode list = node;
    if (node.isObject()) {
      String type = node.hasNonNull("type") ? node.get("type").asText() : "intervals";
      if (!"intervals".equalsIgnoreCase(type)) {
        throw DruidException.invalidInput("intervals of type[%s] are not supported yet: give a list of ISO-8601 "
            + "intervals", type);
      }
      list = node.get("intervals");
      if (list == null || list.isNull()) {
        throw DruidException.invalidInput("Missing required field[intervals.intervals] in the query");
      }
    }
    List<Interval> parsed = new ArrayList<>();
    if (list.isTextual()) {
      for (String part : list.asText().split(",")) {
        parsed.add(parse(part));
      }
    } else if (list.isArray()) {
      for (JsonNode element : list) {
        if (!element.isTextual()) {
          throw DruidException.invalidInput("Field[intervals] must hold ISO-8601 interval strings, got[%s]", element);
        }
        parsed.add(parse(element.asText()));
      }
    } else {
      throw DruidException.invalidInput("Field[intervals] must be a list of ISO-8601 intervals, got[%s]", list);
    }
    return new QuerySegmentSpec(parsed);
  }

  private static Interval parse(String text) {
    try {
      return new Interval(text.trim(), ISOChronology.getInstanceUTC());
    } catch (IllegalArgumentException e) {
      throw DruidException.invalidInput("Invalid interval[%s] in field[intervals]: %s", text, e.getMessage());
    }
  }

  private static List<Interval> condense(List<Interval> input) {
    List<Interval> sorted = new ArrayList<>(input);
    sorted.sort(Comparator.comparingLong(Interval::getStartMillis).thenComparingLong(Interval::getEndMillis));
    List<Interval> out = new ArrayList<>();
    for (Interval next : sorted) {
      Interval last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && next.getStartMillis() <= last.getEndMillis()) {
        long end = Math.max(last.getEndMillis(), next.getEndMillis());
        out.set(out.size() - 1, new Interval(last.getStartMillis(), end, ISOChronology.getInstanceUTC()));
      } else {
        out.add(new Interval(next.getStartMillis(), next.getEndMillis(), ISOChronology.getInstanceUTC()));
      }
    }
    return List.copyOf(out);
  }

  public List<Interval> getIntervals() {
    return intervals;
  }

  @JsonValue
  Map<String, Object> toJson() {
    List<String> texts = new ArrayList<>();
    intervals.forEach(i -> texts.add(i.toString()));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", "intervals");
    json.put("intervals", texts);
    return json;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuerySegmentSpec that && intervals.equals(that.intervals);
  }

  @Override
  public int hashCode() {
    return intervals.hashCode();
  }

  @Override
  public String toString() {
    return intervals.toString();
  }
}
