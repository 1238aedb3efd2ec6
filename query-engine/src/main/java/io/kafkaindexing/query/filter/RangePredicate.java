package io.kafkaindexing.query.filter;

import io.kafkaindexing.query.ordering.StringComparator;
import io.kafkaindexing.query.ordering.StringComparators;
import io.kafkaindexing.segment.column.ValueType;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The {@code range} test: a value between typed bounds (either may be absent). Null is unknown.
 * Strings compare with the {@code numeric} ordering when the match type is numeric, else
 * lexicographically; numbers compare exactly when the match type is numeric, else by their text.
 * Immutable.
 */
final class RangePredicate implements ValuePredicate {
  private final boolean numericMatch;
  private final StringComparator order;
  private final String lowerText;
  private final String upperText;
  private final BigDecimal lowerNumber;
  private final BigDecimal upperNumber;
  private final boolean lowerOpen;
  private final boolean upperOpen;

  RangePredicate(boolean numericMatch, Object lower, boolean lowerOpen, Object upper, boolean upperOpen) {
    this.numericMatch = numericMatch;
    this.order = numericMatch ? StringComparators.NUMERIC : StringComparators.LEXICOGRAPHIC;
    this.lowerText = MatchValues.text(lower);
    this.upperText = MatchValues.text(upper);
    this.lowerNumber = numericMatch && lower != null ? MatchValues.number(lower) : null;
    this.upperNumber = numericMatch && upper != null ? MatchValues.number(upper) : null;
    this.lowerOpen = lowerOpen;
    this.upperOpen = upperOpen;
  }

  @Override
  public Tri applyString(String value) {
    if (value == null) {
      return Tri.UNKNOWN;
    }
    return Tri.of(within(lowerText == null ? 1 : order.compare(value, lowerText),
        upperText == null ? 1 : order.compare(upperText, value)));
  }

  @Override
  public Tri applyNumber(Number value, ValueType type) {
    if (!numericMatch) {
      return applyString(String.valueOf(value));
    }
    BigDecimal v = Numbers.toBigDecimal(value);
    int lowerCmp = lowerText == null ? 1 : compare(v, value, lowerNumber);
    int upperCmp = upperText == null ? 1 : -compare(v, value, upperNumber);
    return Tri.of(within(lowerCmp, upperCmp));
  }

  /** {@code value} against a bound; infinities and NaN compare as doubles do (NaN above everything). */
  private static int compare(BigDecimal exact, Number value, BigDecimal bound) {
    if (exact != null && bound != null) {
      return exact.compareTo(bound);
    }
    return Double.compare(value.doubleValue(), bound == null ? Double.NaN : bound.doubleValue());
  }

  private boolean within(int lowerCmp, int upperCmp) {
    return (lowerOpen ? lowerCmp > 0 : lowerCmp >= 0) && (upperOpen ? upperCmp > 0 : upperCmp >= 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RangePredicate that && numericMatch == that.numericMatch
        && Objects.equals(lowerText, that.lowerText) && Objects.equals(upperText, that.upperText)
        && lowerOpen == that.lowerOpen && upperOpen == that.upperOpen;
  }

  @Override
  public int hashCode() {
    return Objects.hash(numericMatch, lowerText, upperText, lowerOpen, upperOpen);
  }
}
