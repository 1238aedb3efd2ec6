package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.segment.column.ValueType;

/**
 * {@code {"type": "null", "column"}}: rows whose column is null or missing (SQL {@code IS NULL});
 * a multi-value row matches when one of its values is null. Never unknown, so {@code not} of it
 * is {@code IS NOT NULL}. Immutable.
 */
public final class NullDimFilter extends PredicateFilter {
  private static final ValuePredicate IS_NULL = new ValuePredicate() {
    @Override
    public Tri applyString(String value) {
      return Tri.of(value == null);
    }

    @Override
    public Tri applyNumber(Number value, ValueType type) {
      return Tri.FALSE;
    }
  };

  @JsonCreator
  public NullDimFilter(@JsonProperty("column") String column) {
    super("null", "column", column, null);
  }

  @JsonProperty
  public String getColumn() {
    return column();
  }

  @Override
  protected ValuePredicate predicate() {
    return IS_NULL;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NullDimFilter that && column().equals(that.column());
  }

  @Override
  public int hashCode() {
    return column().hashCode() * 17;
  }

  @Override
  public String toString() {
    return column() + " IS NULL";
  }
}
