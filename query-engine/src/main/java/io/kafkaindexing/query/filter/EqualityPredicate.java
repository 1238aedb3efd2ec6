package io.kafkaindexing.query.filter;

import io.kafkaindexing.segment.column.ValueType;
import java.math.BigDecimal;

/**
 * Equality with one typed value: strings compare with its text, numbers with its exact value (a
 * long column only when the value is integral, a float column after rounding the value to float).
 * A null value is unknown. Immutable.
 */
final class EqualityPredicate implements ValuePredicate {
  private final String text;
  private final BigDecimal number;

  EqualityPredicate(String text, BigDecimal number) {
    this.text = text;
    this.number = number;
  }

  @Override
  public Tri applyString(String value) {
    return value == null ? Tri.UNKNOWN : Tri.of(value.equals(text));
  }

  @Override
  public Tri applyNumber(Number value, ValueType type) {
    if (number == null) {
      return Tri.FALSE;
    }
    return switch (type) {
      case LONG -> Tri.of(isIntegral(number) && number.compareTo(BigDecimal.valueOf(value.longValue())) == 0);
      case FLOAT -> Tri.of(Float.compare((float) number.doubleValue(), value.floatValue()) == 0);
      default -> Tri.of(Double.compare(number.doubleValue(), value.doubleValue()) == 0);
    };
  }

  private static boolean isIntegral(BigDecimal n) {
    return n.signum() == 0 || n.stripTrailingZeros().scale() <= 0;
  }
}
