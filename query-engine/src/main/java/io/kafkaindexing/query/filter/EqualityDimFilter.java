package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.segment.column.ValueType;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code {"type": "equals", "column", "matchValueType", "matchValue"}}: rows whose column equals the
 * typed match value (SQL {@code =}). A null row is unknown, so neither this filter nor its negation
 * matches it; use {@code null} to match nulls. String columns compare with the value's text (a
 * {@code DOUBLE} 5 is {@code "5.0"}); numeric columns compare numerically, a value that does not
 * convert exactly (1.5 against a long column) matching nothing. Immutable.
 */
public final class EqualityDimFilter extends PredicateFilter {
  private final ValueType matchValueType;
  private final Object matchValue;
  private final Object cast;
  private final ValuePredicate predicate;

  @JsonCreator
  public EqualityDimFilter(@JsonProperty("column") String column, @JsonProperty("matchValueType") String matchValueType,
      @JsonProperty("matchValue") Object matchValue) {
    super("equals", "column", column, null);
    this.matchValueType = MatchValues.type("equals", column, matchValueType);
    this.matchValue = matchValue;
    this.cast = MatchValues.cast(this.matchValueType, matchValue, "equals", "matchValue");
    if (cast == null) {
      throw DruidException.invalidInput("Filter of type[equals] on column[%s] needs a non-null field[matchValue] "
          + "of type[%s]", column, this.matchValueType.name());
    }
    this.predicate = new EqualityPredicate(MatchValues.text(cast), MatchValues.number(cast));
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
  public Object getMatchValue() {
    return matchValue;
  }

  @Override
  protected ValuePredicate predicate() {
    return predicate;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EqualityDimFilter that && column().equals(that.column())
        && matchValueType == that.matchValueType && cast.equals(that.cast);
  }

  @Override
  public int hashCode() {
    return Objects.hash(column(), matchValueType, cast);
  }

  @Override
  public String toString() {
    return column() + " = " + cast + " (" + matchValueType.name() + ")";
  }
}
