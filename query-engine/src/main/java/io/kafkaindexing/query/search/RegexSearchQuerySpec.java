package io.kafkaindexing.query.search;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code {"type": "regex", "pattern"}}: values in which the Java regular expression is found
 * anywhere ({@code Matcher.find}). Null values never match. Immutable.
 */
public final class RegexSearchQuerySpec extends SearchQuerySpec {
  private final String pattern;
  private final Pattern compiled;

  @JsonCreator
  public RegexSearchQuerySpec(@JsonProperty("pattern") String pattern) {
    if (pattern == null) {
      throw DruidException.invalidInput("Search query spec of type[regex] needs a field[pattern]");
    }
    try {
      this.compiled = Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw DruidException.invalidInput("Invalid regular expression[%s] in field[query.pattern]: %s", pattern,
          e.getDescription());
    }
    this.pattern = pattern;
  }

  @JsonProperty
  public String getPattern() {
    return pattern;
  }

  @Override
  public boolean accept(String dimValue) {
    return dimValue != null && compiled.matcher(dimValue).find();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegexSearchQuerySpec that && pattern.equals(that.pattern);
  }

  @Override
  public int hashCode() {
    return pattern.hashCode();
  }

  @Override
  public String toString() {
    return "regex(" + pattern + ")";
  }
}
