package io.kafkaindexing.query.filter;

import io.kafkaindexing.segment.column.ValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Membership in a set of strings (null allowed, matching null values): the predicate of
 * {@code selector} and {@code in}. A null value not in the set is unknown. Numbers compare
 * numerically with the set's numeric members. Immutable.
 */
final class ValueSetPredicate implements ValuePredicate {
  private final Set<String> values;
  private final List<BigDecimal> numbers;

  ValueSetPredicate(Set<String> values) {
    this.values = Collections.unmodifiableSet(new HashSet<>(values));
    List<BigDecimal> parsed = new ArrayList<>();
    for (String v : values) {
      BigDecimal n = Numbers.parse(v);
      if (n != null) {
        parsed.add(n);
      }
    }
    this.numbers = List.copyOf(parsed);
  }

  @Override
  public Tri applyString(String value) {
    if (values.contains(value)) {
      return Tri.TRUE;
    }
    return value == null ? Tri.UNKNOWN : Tri.FALSE;
  }

  @Override
  public Tri applyNumber(Number value, ValueType type) {
    BigDecimal v = Numbers.toBigDecimal(value);
    if (v == null) {
      return Tri.FALSE;
    }
    for (BigDecimal n : numbers) {
      if (n.compareTo(v) == 0) {
        return Tri.TRUE;
      }
    }
    return Tri.FALSE;
  }
}
