package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/** {@code {"type": "false"}}: no row. Immutable. */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE)
public final class FalseDimFilter implements DimFilter {
  @JsonCreator
  public FalseDimFilter() {}

  @Override
  public ImmutableRoaringBitmap bitmap(ColumnIndexes indexes, boolean includeUnknown) {
    return new MutableRoaringBitmap();
  }

  @Override
  public ValueMatcher makeMatcher(ColumnSelectorFactory columns) {
    return includeUnknown -> false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FalseDimFilter;
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return "false";
  }
}
