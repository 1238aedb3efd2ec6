package io.kafkaindexing.query.extraction;

/** {@code {"type": "strlen"}}: the value's length in UTF-16 code units, as a string; null for null. Stateless. */
public final class StrlenExtractionFn implements ExtractionFn {
  @Override
  public String apply(Object value) {
    String s = ExtractionFns.str(value);
    return s == null ? null : String.valueOf(s.length());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StrlenExtractionFn;
  }

  @Override
  public int hashCode() {
    return 7;
  }
}
