package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.dimension.DimensionReader;
import io.kafkaindexing.query.dimension.DimensionSpec;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * {@code {"type": "columnComparison", "dimensions": [dimension specs]}}: rows where every pair of the
 * dimensions (each read through its spec, extraction function included, as text) shares a value.
 * Null equals null here (two null rows match; a null and a non-null do not), so the result is
 * never unknown. Always evaluated row by row. Immutable.
 */
public final class ColumnComparisonDimFilter implements DimFilter {
  private final List<DimensionSpec> dimensions;

  @JsonCreator
  public ColumnComparisonDimFilter(@JsonProperty("dimensions") List<DimensionSpec> dimensions) {
    if (dimensions == null || dimensions.size() < 2) {
      throw DruidException.invalidInput("Filter of type[columnComparison] needs at least two entries in "
          + "field[dimensions]");
    }
    for (DimensionSpec d : dimensions) {
      if (d == null) {
        throw DruidException.invalidInput("Filter of type[columnComparison] has a null entry in field[dimensions]");
      }
    }
    this.dimensions = List.copyOf(dimensions);
  }

  @JsonProperty
  public List<DimensionSpec> getDimensions() {
    return dimensions;
  }

  @Override
  public ImmutableRoaringBitmap bitmap(ColumnIndexes indexes, boolean includeUnknown) {
    return null;
  }

  @Override
  public ValueMatcher makeMatcher(ColumnSelectorFactory columns) {
    List<DimensionReader> readers = new ArrayList<>();
    dimensions.forEach(d -> readers.add(new DimensionReader(d, columns)));
    return includeUnknown -> {
      List<List<String>> seen = new ArrayList<>(readers.size());
      for (DimensionReader reader : readers) {
        List<String> values = texts(reader.read());
        for (List<String> earlier : seen) {
          if (!overlap(values, earlier)) {
            return false;
          }
        }
        seen.add(values);
      }
      return true;
    };
  }

  private static List<String> texts(List<Object> values) {
    List<String> out = new ArrayList<>(values.size());
    values.forEach(v -> out.add(v == null ? null : String.valueOf(v)));
    return out;
  }

  private static boolean overlap(List<String> a, List<String> b) {
    for (String x : a) {
      if (b.contains(x)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ColumnComparisonDimFilter that && dimensions.equals(that.dimensions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dimensions);
  }

  @Override
  public String toString() {
    return "columnComparison" + dimensions;
  }
}
