package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * {@code {"type": "not", "field"}}: rows where the field is false; rows where it is unknown (a null
 * compared) match neither the field nor its negation. Immutable.
 */
public final class NotDimFilter implements DimFilter {
  private final DimFilter field;

  @JsonCreator
  public NotDimFilter(@JsonProperty("field") DimFilter field) {
    if (field == null) {
      throw DruidException.invalidInput("Filter of type[not] needs a field[field]");
    }
    this.field = field;
  }

  @JsonProperty
  public DimFilter getField() {
    return field;
  }

  @Override
  public ImmutableRoaringBitmap bitmap(ColumnIndexes indexes, boolean includeUnknown) {
    ImmutableRoaringBitmap inner = field.bitmap(indexes, !includeUnknown);
    if (inner == null) {
      return null;
    }
    MutableRoaringBitmap rows = indexes.allRows();
    rows.andNot(inner);
    return rows;
  }

  @Override
  public ValueMatcher makeMatcher(ColumnSelectorFactory columns) {
    ValueMatcher inner = field.makeMatcher(columns);
    return includeUnknown -> !inner.matches(!includeUnknown);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NotDimFilter that && field.equals(that.field);
  }

  @Override
  public int hashCode() {
    return field.hashCode() * 31;
  }

  @Override
  public String toString() {
    return "not(" + field + ")";
  }
}
