package io.kafkaindexing.query.dimension;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code {"type": "regexFiltered", "delegate", "pattern"}}: keeps the values the Java regular
 * expression matches as a whole; never a null. Immutable.
 */
public final class RegexFilteredDimensionSpec extends FilteredDimensionSpec {
  private final String pattern;
  private final Pattern compiled;

  @JsonCreator
  public RegexFilteredDimensionSpec(@JsonProperty("delegate") DimensionSpec delegate,
      @JsonProperty("pattern") String pattern) {
    super("regexFiltered", delegate);
    if (pattern == null) {
      throw DruidException.invalidInput("Dimension spec of type[regexFiltered] needs a field[pattern]");
    }
    try {
      this.compiled = Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw DruidException.invalidInput("Dimension spec of type[regexFiltered] has an invalid field[pattern] "
          + "value[%s]: %s", pattern, e.getDescription());
    }
    this.pattern = pattern;
  }

  @JsonProperty
  public String getPattern() {
    return pattern;
  }

  @Override
  public boolean keeps(String value) {
    return value != null && compiled.matcher(value).matches();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegexFilteredDimensionSpec that && getDelegate().equals(that.getDelegate())
        && pattern.equals(that.pattern);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getDelegate(), pattern);
  }

  @Override
  public String toString() {
    return getDelegate() + " matching " + pattern;
  }
}
