package io.kafkaindexing.query.extraction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import java.util.Objects;

/**
 * {@code {"type": "substring", "index", "length"}}: the characters from {@code index} (0-based),
 * at most {@code length} of them (all when absent); null when the value is null, empty or shorter
 * than {@code index + 1}. Immutable.
 */
public final class SubstringExtractionFn implements ExtractionFn {
  private final int index;
  private final Integer length;

  @JsonCreator
  public SubstringExtractionFn(@JsonProperty("index") Integer index, @JsonProperty("length") Integer length) {
    if (index == null || index < 0) {
      throw DruidException.invalidInput("Extraction function of type[substring] needs a field[index] >= 0");
    }
    if (length != null && length < 0) {
      throw DruidException.invalidInput("Field[length] of a substring extraction function must be >= 0");
    }
    this.index = index;
    this.length = length;
  }

  @JsonProperty
  public int getIndex() {
    return index;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public Integer getLength() {
    return length;
  }

  @Override
  public String apply(Object value) {
    String s = ExtractionFns.str(value);
    if (s == null || s.isEmpty() || index >= s.length()) {
      return null;
    }
    return length == null ? s.substring(index) : s.substring(index, Math.min(s.length(), index + length));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SubstringExtractionFn that && index == that.index && Objects.equals(length, that.length);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, length);
  }
}
