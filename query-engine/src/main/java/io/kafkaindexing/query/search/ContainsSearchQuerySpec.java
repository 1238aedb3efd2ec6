package io.kafkaindexing.query.search;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * {@code {"type": "contains", "value", "caseSensitive"}}: values containing {@code value}; case
 * insensitive unless {@code caseSensitive} is true (default false, as in Druid). Null values and a
 * null {@code value} never match. Immutable.
 */
public class ContainsSearchQuerySpec extends SearchQuerySpec {
  private final String value;
  private final boolean caseSensitive;

  @JsonCreator
  public ContainsSearchQuerySpec(@JsonProperty("value") String value,
      @JsonProperty("caseSensitive") Boolean caseSensitive) {
    this.value = value;
    this.caseSensitive = Boolean.TRUE.equals(caseSensitive);
  }

  @JsonProperty
  public String getValue() {
    return value;
  }

  @JsonProperty
  public boolean isCaseSensitive() {
    return caseSensitive;
  }

  @Override
  public boolean accept(String dimValue) {
    if (dimValue == null || value == null) {
      return false;
    }
    return caseSensitive ? dimValue.contains(value) : containsIgnoreCase(dimValue, value);
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && Objects.equals(value, ((ContainsSearchQuerySpec) o).value)
        && caseSensitive == ((ContainsSearchQuerySpec) o).caseSensitive;
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, caseSensitive);
  }

  @Override
  public String toString() {
    return "contains(" + value + (caseSensitive ? ", caseSensitive" : "") + ")";
  }
}
