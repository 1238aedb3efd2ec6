package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import java.util.ArrayList;
import java.util.List;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/** {@code {"type": "or", "fields": [...]}}: rows matching any field. Immutable. */
public final class OrDimFilter implements DimFilter {
  private final List<DimFilter> fields;

  @JsonCreator
  public OrDimFilter(@JsonProperty("fields") List<DimFilter> fields) {
    this.fields = Filters.requireFields("or", fields);
  }

  @JsonProperty
  public List<DimFilter> getFields() {
    return fields;
  }

  @Override
  public ImmutableRoaringBitmap bitmap(ColumnIndexes indexes, boolean includeUnknown) {
    MutableRoaringBitmap rows = new MutableRoaringBitmap();
    for (DimFilter f : fields) {
      ImmutableRoaringBitmap b = f.bitmap(indexes, includeUnknown);
      if (b == null) {
        return null;
      }
      rows.or(b);
    }
    return rows;
  }

  @Override
  public ValueMatcher makeMatcher(ColumnSelectorFactory columns) {
    List<ValueMatcher> matchers = new ArrayList<>();
    fields.forEach(f -> matchers.add(f.makeMatcher(columns)));
    return includeUnknown -> {
      for (ValueMatcher m : matchers) {
        if (m.matches(includeUnknown)) {
          return true;
        }
      }
      return false;
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OrDimFilter that && fields.equals(that.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "or" + fields;
  }
}
