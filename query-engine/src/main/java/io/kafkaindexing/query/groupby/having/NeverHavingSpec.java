package io.kafkaindexing.query.groupby.having;

/** {@code {"type": "never"}}: keeps no row. Immutable. */
public final class NeverHavingSpec implements HavingSpec {
  @Override
  public boolean eval(HavingRow row) {
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NeverHavingSpec;
  }

  @Override
  public int hashCode() {
    return 2;
  }
}
