package io.kafkaindexing.query.search;

/** {@code {"type": "all"}}: every value is a hit, null included. Stateless. */
public final class AllSearchQuerySpec extends SearchQuerySpec {
  @Override
  public boolean accept(String value) {
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AllSearchQuerySpec;
  }

  @Override
  public int hashCode() {
    return 1;
  }

  @Override
  public String toString() {
    return "all";
  }
}
