package io.kafkaindexing.query.extraction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Objects;

/**
 * Base of {@code {"type": "upper"|"lower", "locale"}}: the value in upper or lower case for the
 * locale (a language tag; default the root locale); null stays null. Immutable.
 */
public abstract class CaseExtractionFn implements ExtractionFn {
  private final String localeTag;
  private final Locale locale;
  private final boolean upper;

  CaseExtractionFn(String localeTag, boolean upper) {
    this.localeTag = localeTag;
    this.locale = localeTag == null ? Locale.ROOT : Locale.forLanguageTag(localeTag);
    this.upper = upper;
  }

  @JsonProperty("locale")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String getLocale() {
    return localeTag;
  }

  @Override
  public String apply(Object value) {
    String s = ExtractionFns.str(value);
    if (s == null) {
      return null;
    }
    return upper ? s.toUpperCase(locale) : s.toLowerCase(locale);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CaseExtractionFn that && upper == that.upper && Objects.equals(localeTag, that.localeTag);
  }

  @Override
  public int hashCode() {
    return Objects.hash(localeTag, upper);
  }
}
