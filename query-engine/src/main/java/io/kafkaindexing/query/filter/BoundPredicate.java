package io.kafkaindexing.query.filter;

import io.kafkaindexing.query.ordering.StringComparator;
import io.kafkaindexing.query.ordering.StringComparators;
import io.kafkaindexing.segment.column.ValueType;
import java.math.BigDecimal;

/**
 * The {@code bound} test. Strings compare in the filter's ordering; a null string is true exactly
 * when there is no lower bound (never unknown, as in Druid). With {@code numeric} ordering numbers
 * compare exactly (a lower bound that is not a number admits every number, such an upper bound
 * none); with another ordering numbers compare by their text. Immutable.
 */
final class BoundPredicate implements ValuePredicate {
  private final String lower;
  private final boolean lowerStrict;
  private final String upper;
  private final boolean upperStrict;
  private final StringComparator ordering;
  private final BigDecimal lowerNumber;
  private final BigDecimal upperNumber;

  BoundPredicate(String lower, boolean lowerStrict, String upper, boolean upperStrict, StringComparator ordering) {
    this.lower = lower;
    this.lowerStrict = lowerStrict;
    this.upper = upper;
    this.upperStrict = upperStrict;
    this.ordering = ordering;
    this.lowerNumber = Numbers.parse(lower);
    this.upperNumber = Numbers.parse(upper);
  }

  @Override
  public Tri applyString(String value) {
    if (value == null) {
      return Tri.of(lower == null);
    }
    return Tri.of(within(lower == null ? 1 : ordering.compare(value, lower),
        upper == null ? 1 : ordering.compare(upper, value)));
  }

  @Override
  public Tri applyNumber(Number value, ValueType type) {
    if (ordering != StringComparators.NUMERIC) {
      return applyString(String.valueOf(value));
    }
    BigDecimal v = Numbers.toBigDecimal(value);
    if (v == null) {
      return applyString(String.valueOf(value));
    }
    if (upper != null && upperNumber == null) {
      return Tri.FALSE;
    }
    int lowerCmp = lowerNumber == null ? 1 : v.compareTo(lowerNumber);
    int upperCmp = upperNumber == null ? 1 : upperNumber.compareTo(v);
    return Tri.of(within(lowerCmp, upperCmp));
  }

  private boolean within(int lowerCmp, int upperCmp) {
    return (lowerStrict ? lowerCmp > 0 : lowerCmp >= 0) && (upperStrict ? upperCmp > 0 : upperCmp >= 0);
  }
}
