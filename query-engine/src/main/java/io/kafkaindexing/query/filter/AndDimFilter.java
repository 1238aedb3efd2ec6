package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import java.util.ArrayList;
import java.util.List;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/** {@code {"type": "and", "fields": [...]}}: rows matching every field. Immutable. */
public final class AndDimFilter implements DimFilter {
  private final List<DimFilter> fields;

  @JsonCreator
  public AndDimFilter(@JsonProperty("fields") List<DimFilter> fields) {
    this.fields = Filters.requireFields("and", fields);
  }

  @JsonProperty
  public List<DimFilter> getFields() {
    return fields;
  }

  @Override
  public ImmutableRoaringBitmap bitmap(ColumnIndexes indexes, boolean includeUnknown) {
    MutableRoaringBitmap rows = null;
    for (DimFilter f : fields) {
      ImmutableRoaringBitmap b = f.bitmap(indexes, includeUnknown);
      if (b == null) {
        return null;
      }
      rows = rows == null ? b.toMutableRoaringBitmap() : ImmutableRoaringBitmap.and(rows, b);
    }
    return rows;
  }

  @Override
  public ValueMatcher makeMatcher(ColumnSelectorFactory columns) {
    List<ValueMatcher> matchers = new ArrayList<>();
    fields.forEach(f -> matchers.add(f.makeMatcher(columns)));
    return includeUnknown -> {
      for (ValueMatcher m : matchers) {
        if (!m.matches(includeUnknown)) {
          return false;
        }
      }
      return true;
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AndDimFilter that && fields.equals(that.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "and" + fields;
  }
}
