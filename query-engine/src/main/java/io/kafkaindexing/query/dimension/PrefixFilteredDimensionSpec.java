package io.kafkaindexing.query.dimension;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import java.util.Objects;

/**
 * {@code {"type": "prefixFiltered", "delegate", "prefix"}}: keeps the values starting with the
 * prefix; never a null. Immutable.
 */
public final class PrefixFilteredDimensionSpec extends FilteredDimensionSpec {
  private final String prefix;

  @JsonCreator
  public PrefixFilteredDimensionSpec(@JsonProperty("delegate") DimensionSpec delegate,
      @JsonProperty("prefix") String prefix) {
    super("prefixFiltered", delegate);
    if (prefix == null) {
      throw DruidException.invalidInput("Dimension spec of type[prefixFiltered] needs a field[prefix]");
    }
    this.prefix = prefix;
  }

  @JsonProperty
  public String getPrefix() {
    return prefix;
  }

  @Override
  public boolean keeps(String value) {
    return value != null && value.startsWith(prefix);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrefixFilteredDimensionSpec that && getDelegate().equals(that.getDelegate())
        && prefix.equals(that.prefix);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getDelegate(), prefix);
  }

  @Override
  public String toString() {
    return getDelegate() + " starting with " + prefix;
  }
}
