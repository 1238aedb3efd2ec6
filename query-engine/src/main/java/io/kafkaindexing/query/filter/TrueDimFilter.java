package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/** {@code {"type": "true"}}: every row. Immutable. */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE)
public final class TrueDimFilter implements DimFilter {
  @JsonCreator
  public TrueDimFilter() {}

  @Override
  public ImmutableRoaringBitmap bitmap(ColumnIndexes indexes, boolean includeUnknown) {
    return indexes.allRows();
  }

  @Override
  public ValueMatcher makeMatcher(ColumnSelectorFactory columns) {
    return includeUnknown -> true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrueDimFilter;
  }

  @Override
  public int hashCode() {
    return 1;
  }

  @Override
  public String toString() {
    return "true";
  }
}
