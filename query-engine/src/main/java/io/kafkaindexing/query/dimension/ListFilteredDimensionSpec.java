package io.kafkaindexing.query.dimension;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code {"type": "listFiltered", "delegate", "values", "isWhitelist"}}: keeps the values listed
 * ({@code isWhitelist}, the default) or all but them. Immutable.
 */
public final class ListFilteredDimensionSpec extends FilteredDimensionSpec {
  private final Set<String> values;
  private final boolean whitelist;

  @JsonCreator
  public ListFilteredDimensionSpec(@JsonProperty("delegate") DimensionSpec delegate,
      @JsonProperty("values") List<String> values, @JsonProperty("isWhitelist") Boolean isWhitelist) {
    super("listFiltered", delegate);
    if (values == null) {
      throw DruidException.invalidInput("Dimension spec of type[listFiltered] needs a field[values]");
    }
    this.values = new LinkedHashSet<>(values);
    this.whitelist = isWhitelist == null || isWhitelist;
  }

  @JsonProperty
  public List<String> getValues() {
    return new ArrayList<>(values);
  }

  @JsonProperty("isWhitelist")
  public boolean isWhitelist() {
    return whitelist;
  }

  @Override
  public boolean keeps(String value) {
    return values.contains(value) == whitelist;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ListFilteredDimensionSpec that && getDelegate().equals(that.getDelegate())
        && values.equals(that.values) && whitelist == that.whitelist;
  }

  @Override
  public int hashCode() {
    return Objects.hash(getDelegate(), values, whitelist);
  }

  @Override
  public String toString() {
    return getDelegate() + (whitelist ? " in " : " not in ") + values;
  }
}
