package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.segment.column.ValueType;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code {"type": "arrayContainsElement", "column", "elementMatchValueType", "elementMatchValue"}}:
 * rows whose column holds the element. Our columns are scalars and multi-value strings (no
 * {@code ARRAY} columns), so a multi-value row matches when one of its values equals the element and
 * a scalar row when its value does, compared as {@code equals} compares. A null element matches rows
 * holding a null (never unknown); with a non-null element a null row is unknown. Immutable.
 */
public final class ArrayContainsElementDimFilter extends PredicateFilter {
  public static final String TYPE = "arrayContainsElement";

  /** A null element: rows holding a null contain it. */
  private static final ValuePredicate NULL_ELEMENT = new ValuePredicate() {
    @Override
    public Tri applyString(String value) {
      return Tri.of(value == null);
    }

    @Override
    public Tri applyNumber(Number value, ValueType type) {
      return Tri.FALSE;
    }
  };

  private final ValueType elementMatchValueType;
  private final Object elementMatchValue;
  private final Object cast;
  private final ValuePredicate predicate;

  @JsonCreator
  public ArrayContainsElementDimFilter(@JsonProperty("column") String column,
      @JsonProperty("elementMatchValueType") String elementMatchValueType,
      @JsonProperty("elementMatchValue") Object elementMatchValue) {
    super(TYPE, "column", column, null);
    this.elementMatchValueType = MatchValues.type(TYPE, column, elementMatchValueType, "elementMatchValueType");
    this.elementMatchValue = elementMatchValue;
    this.cast = MatchValues.cast(this.elementMatchValueType, elementMatchValue, TYPE, "elementMatchValue");
    if (cast == null && elementMatchValue != null) {
      throw DruidException.invalidInput("Filter of type[arrayContainsElement] on "
          + "column[%s] has a field[elementMatchValue] value[%s] that is not of type[%s]", column, elementMatchValue,
          this.elementMatchValueType.name());
    }
    this.predicate = cast == null ? NULL_ELEMENT
        : new EqualityPredicate(MatchValues.text(cast), MatchValues.number(cast));
  }

  @JsonProperty
  public String getColumn() {
    return column();
  }

  @JsonProperty
  public String getElementMatchValueType() {
    return elementMatchValueType.name().toUpperCase(Locale.ROOT);
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public Object getElementMatchValue() {
    return elementMatchValue;
  }

  @Override
  protected ValuePredicate predicate() {
    return predicate;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ArrayContainsElementDimFilter that && column().equals(that.column())
        && elementMatchValueType == that.elementMatchValueType && Objects.equals(cast, that.cast);
  }

  @Override
  public int hashCode() {
    return Objects.hash(column(), elementMatchValueType, cast);
  }

  @Override
  public String toString() {
    return "array_contains(" + column() + ", " + cast + ")";
  }
}
