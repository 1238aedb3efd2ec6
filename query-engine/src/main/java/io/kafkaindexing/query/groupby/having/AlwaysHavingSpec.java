package io.kafkaindexing.query.groupby.having;

/** {@code {"type": "always"}}: keeps every row. Immutable. */
public final class AlwaysHavingSpec implements HavingSpec {
  @Override
  public boolean eval(HavingRow row) {
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlwaysHavingSpec;
  }

  @Override
  public int hashCode() {
    return 1;
  }
}
