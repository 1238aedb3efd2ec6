package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.extraction.ExtractionFn;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code {"type": "regex", "dimension", "pattern", "extractionFn"}}: rows with a value in which the
 * Java regular expression is found (anywhere: anchor it with {@code ^...$} to match whole values).
 * Null is unknown; numbers are matched by their text. Immutable.
 */
public final class RegexDimFilter extends DimensionPredicateFilter {
  private final String pattern;
  private final ValuePredicate predicate;

  @JsonCreator
  public RegexDimFilter(@JsonProperty("dimension") String dimension, @JsonProperty("pattern") String pattern,
      @JsonProperty("extractionFn") ExtractionFn extractionFn) {
    super("regex", dimension, extractionFn);
    if (pattern == null) {
      throw DruidException.invalidInput("Filter of type[regex] needs a field[pattern]");
    }
    Pattern compiled;
    try {
      compiled = Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw DruidException.invalidInput("Filter of type[regex] has an invalid field[pattern][%s]: %s", pattern,
          e.getDescription());
    }
    this.pattern = pattern;
    this.predicate = value -> value == null ? Tri.UNKNOWN : Tri.of(compiled.matcher(value).find());
  }

  @JsonProperty
  public String getPattern() {
    return pattern;
  }

  @Override
  protected ValuePredicate predicate() {
    return predicate;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegexDimFilter that && column().equals(that.column()) && pattern.equals(that.pattern)
        && Objects.equals(extractionFn(), that.extractionFn());
  }

  @Override
  public int hashCode() {
    return Objects.hash(column(), pattern, extractionFn());
  }

  @Override
  public String toString() {
    return column() + " ~ '" + pattern + "'";
  }
}
