package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.segment.column.ValueType;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code {"type": "range", "column", "matchValueType", "lower", "upper", "lowerOpen", "upperOpen"}}:
 * rows whose column lies between the typed bounds (closed unless open is set; one bound may be
 * omitted). Null rows are unknown. With a numeric {@code matchValueType}, numeric columns compare
 * numerically and string values with Druid's {@code numeric} ordering (text that is not a number
 * sorts before every number); with {@code STRING}, values compare lexicographically (numbers by
 * their text). Immutable.
 */
public final class RangeDimFilter extends PredicateFilter {
  private final ValueType matchValueType;
  private final Object lower;
  private final Object upper;
  private final boolean lowerOpen;
  private final boolean upperOpen;
  private final Object lowerCast;
  private final Object upperCast;
  private final RangePredicate predicate;

  @JsonCreator
  public RangeDimFilter(@JsonProperty("column") String column, @JsonProperty("matchValueType") String matchValueType,
      @JsonProperty("lower") Object lower, @JsonProperty("upper") Object upper,
      @JsonProperty("lowerOpen") Boolean lowerOpen, @JsonProperty("upperOpen") Boolean upperOpen) {
    super("range", "column", column, null);
    this.matchValueType = MatchValues.type("range", column, matchValueType);
    this.lower = lower;
    this.upper = upper;
    this.lowerOpen = Boolean.TRUE.equals(lowerOpen);
    this.upperOpen = Boolean.TRUE.equals(upperOpen);
    this.lowerCast = bound("lower", lower);
    this.upperCast = bound("upper", upper);
    if (lowerCast == null && upperCast == null) {
      throw DruidException.invalidInput("Filter of type[range] on column[%s] needs field[lower] or field[upper]",
          column);
    }
    this.predicate = new RangePredicate(this.matchValueType.isNumeric(), lowerCast, this.lowerOpen, upperCast,
        this.upperOpen);
  }

  private Object bound(String field, Object raw) {
    Object cast = MatchValues.cast(matchValueType, raw, "range", field);
    if (raw != null && cast == null) {
      throw DruidException.invalidInput("Filter of type[range] on column[%s]: field[%s] value[%s] cannot be parsed "
          + "as matchValueType[%s]", column(), field, raw, matchValueType.name());
    }
    return cast;
  }

  @JsonProperty
  public String getColumn() {
    return column();
  }

  @JsonProperty
  public String getMatchValueType() {
    return matchValueType.name().toUpperCase(Locale.ROOT);
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public Object getLower() {
    return lower;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public Object getUpper() {
    return upper;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public boolean isLowerOpen() {
    return lowerOpen;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public boolean isUpperOpen() {
    return upperOpen;
  }

  @Override
  protected ValuePredicate predicate() {
    return predicate;
  }

  @Override
  protected LexicographicRange lexicographicRange() {
    return matchValueType == ValueType.STRING ? new LexicographicRange(MatchValues.text(lowerCast), lowerOpen,
        MatchValues.text(upperCast), upperOpen) : null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RangeDimFilter that && column().equals(that.column()) && matchValueType == that.matchValueType
        && predicate.equals(that.predicate);
  }

  @Override
  public int hashCode() {
    return Objects.hash(column(), matchValueType, predicate);
  }

  @Override
  public String toString() {
    return (lower == null ? "" : lower + (lowerOpen ? " < " : " <= ")) + column() + " as " + matchValueType.name()
        + (upper == null ? "" : (upperOpen ? " < " : " <= ") + upper);
  }
}
