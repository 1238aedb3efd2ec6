package io.kafkaindexing.query.search;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * {@code {"type": "fragment", "values": [...], "caseSensitive"}}: values containing every fragment
 * (case insensitive unless {@code caseSensitive}). Null values and a null {@code values} never
 * match. Immutable.
 */
public final class FragmentSearchQuerySpec extends SearchQuerySpec {
  private final List<String> values;
  private final boolean caseSensitive;

  @JsonCreator
  public FragmentSearchQuerySpec(@JsonProperty("values") List<String> values,
      @JsonProperty("caseSensitive") Boolean caseSensitive) {
    this.values = values == null ? null : List.copyOf(new TreeSet<>(values));
    this.caseSensitive = Boolean.TRUE.equals(caseSensitive);
  }

  @JsonProperty
  public List<String> getValues() {
    return values;
  }

  @JsonProperty
  public boolean isCaseSensitive() {
    return caseSensitive;
  }

  @Override
  public boolean accept(String dimValue) {
    if (dimValue == null || values == null) {
      return false;
    }
    for (String fragment : values) {
      if (caseSensitive ? !dimValue.contains(fragment) : !containsIgnoreCase(dimValue, fragment)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FragmentSearchQuerySpec that && Objects.equals(values, that.values)
        && caseSensitive == that.caseSensitive;
  }

  @Override
  public int hashCode() {
    return Objects.hash(values, caseSensitive);
  }

  @Override
  public String toString() {
    return "fragment(" + values + (caseSensitive ? ", caseSensitive" : "") + ")";
  }
}
