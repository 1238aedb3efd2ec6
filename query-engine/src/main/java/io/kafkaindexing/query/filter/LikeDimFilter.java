package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.extraction.ExtractionFn;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code {"type": "like", "dimension", "pattern", "escape", "extractionFn"}}: SQL {@code LIKE}, where
 * {@code %} matches any run of characters and {@code _} exactly one, case-sensitively over the
 * whole value; the optional one-character {@code escape} makes the next character literal. Null is
 * unknown; numbers are matched by their text. Immutable.
 */
public final class LikeDimFilter extends PredicateFilter {
  private final String pattern;
  private final Character escape;
  private final ValuePredicate predicate;

  @JsonCreator
  public LikeDimFilter(@JsonProperty("dimension") String dimension, @JsonProperty("pattern") String pattern,
      @JsonProperty("escape") String escape, @JsonProperty("extractionFn") ExtractionFn extractionFn) {
    super("like", "dimension", dimension, extractionFn);
    if (pattern == null) {
      throw DruidException.invalidInput("Filter of type[like] needs a field[pattern]");
    }
    if (escape != null && escape.length() != 1) {
      throw DruidException.invalidInput("Filter of type[like] has an invalid field[escape][%s]: it must be a single "
          + "character", escape);
    }
    this.pattern = pattern;
    this.escape = escape == null ? null : escape.charAt(0);
    Pattern regex = toRegex(pattern, this.escape);
    this.predicate = value -> value == null ? Tri.UNKNOWN : Tri.of(regex.matcher(value).matches());
  }

  /** The LIKE pattern as an anchored regular expression (used with {@code matches}). */
  static Pattern toRegex(String like, Character escape) {
    StringBuilder regex = new StringBuilder();
    boolean escaping = false;
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (escape != null && c == escape && !escaping) {
        escaping = true;
      } else if (c == '%' && !escaping) {
        regex.append(".*");
      } else if (c == '_' && !escaping) {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
        escaping = false;
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  @JsonProperty
  public String getDimension() {
    return column();
  }

  @JsonProperty
  public String getPattern() {
    return pattern;
  }

  @JsonProperty
  public String getEscape() {
    return escape == null ? null : escape.toString();
  }

  @JsonProperty
  public ExtractionFn getExtractionFn() {
    return extractionFn();
  }

  @Override
  protected ValuePredicate predicate() {
    return predicate;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LikeDimFilter that && column().equals(that.column()) && pattern.equals(that.pattern)
        && Objects.equals(escape, that.escape) && Objects.equals(extractionFn(), that.extractionFn());
  }

  @Override
  public int hashCode() {
    return Objects.hash(column(), pattern, escape, extractionFn());
  }

  @Override
  public String toString() {
    return column() + " LIKE '" + pattern + "'" + (escape == null ? "" : " ESCAPE '" + escape + "'");
  }
}
