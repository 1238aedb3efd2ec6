package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.QuerySegmentSpec;
import io.kafkaindexing.query.extraction.ExtractionFn;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.joda.time.Interval;
import org.joda.time.chrono.ISOChronology;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * {@code {"type": "interval", "dimension", "intervals", "extractionFn"}}: rows whose value, read as
 * epoch milliseconds, lies in one of the ISO-8601 intervals (start inclusive, end exclusive);
 * {@code dimension} is typically {@code __time}. The intervals are read in UTC and condensed, and
 * the filter is the {@code or} of one numeric {@code bound} per interval, with Druid's {@code bound}
 * null handling. Immutable.
 */
public final class IntervalDimFilter implements DimFilter {
  private final String dimension;
  private final List<Interval> intervals;
  private final ExtractionFn extractionFn;
  private final DimFilter bounds;

  @JsonCreator
  public IntervalDimFilter(@JsonProperty("dimension") String dimension,
      @JsonProperty("intervals") List<String> intervals, @JsonProperty("extractionFn") ExtractionFn extractionFn) {
    if (dimension == null || dimension.isEmpty()) {
      throw DruidException.invalidInput("Filter of type[interval] needs a field[dimension]");
    }
    if (intervals == null || intervals.isEmpty()) {
      throw DruidException.invalidInput("Filter of type[interval] needs a non-empty field[intervals]");
    }
    List<Interval> parsed = new ArrayList<>();
    for (String text : intervals) {
      try {
        parsed.add(new Interval(Objects.requireNonNull(text, "interval").trim(), ISOChronology.getInstanceUTC()));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw DruidException.invalidInput("Filter of type[interval] has an invalid interval[%s] in field[intervals]",
            text);
      }
    }
    this.dimension = dimension;
    this.intervals = new QuerySegmentSpec(parsed).getIntervals();
    this.extractionFn = extractionFn;
    List<DimFilter> fields = new ArrayList<>();
    for (Interval i : this.intervals) {
      fields.add(BoundDimFilter.halfOpenNumeric(dimension, i.getStartMillis(), i.getEndMillis(), extractionFn));
    }
    this.bounds = fields.size() == 1 ? fields.get(0) : new OrDimFilter(fields);
  }

  @JsonProperty
  public String getDimension() {
    return dimension;
  }

  @JsonProperty
  public List<String> getIntervals() {
    List<String> texts = new ArrayList<>();
    intervals.forEach(i -> texts.add(i.toString()));
    return texts;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public ExtractionFn getExtractionFn() {
    return extractionFn;
  }

  @Override
  public ImmutableRoaringBitmap bitmap(ColumnIndexes indexes, boolean includeUnknown) {
    return bounds.bitmap(indexes, includeUnknown);
  }

  @Override
  public ValueMatcher makeMatcher(ColumnSelectorFactory columns) {
    return bounds.makeMatcher(columns);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntervalDimFilter that && dimension.equals(that.dimension) && intervals.equals(that.intervals)
        && Objects.equals(extractionFn, that.extractionFn);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dimension, intervals, extractionFn);
  }

  @Override
  public String toString() {
    return dimension + " in " + intervals;
  }
}
