package io.kafkaindexing.query.extraction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code {"type": "stringFormat", "format", "nullHandling"}}: {@code String.format(format, value)};
 * a null value is formatted as {@code "null"} ({@code nullString}, the default), as {@code ""}
 * ({@code emptyString}) or gives null ({@code returnNull}). Immutable.
 */
public final class StringFormatExtractionFn implements ExtractionFn {
  private final String format;
  private final String nullHandling;

  @JsonCreator
  public StringFormatExtractionFn(@JsonProperty("format") String format,
      @JsonProperty("nullHandling") String nullHandling) {
    if (format == null) {
      throw DruidException.invalidInput("Extraction function of type[stringFormat] needs a field[format]");
    }
    String handling = nullHandling == null ? "nullString" : nullHandling;
    if (!handling.equals("nullString") && !handling.equals("emptyString") && !handling.equals("returnNull")) {
      throw DruidException.invalidInput("Unknown nullHandling[%s]: expected nullString, emptyString or returnNull",
          nullHandling);
    }
    this.format = format;
    this.nullHandling = handling;
  }

  @JsonProperty
  public String getFormat() {
    return format;
  }

  @JsonProperty
  public String getNullHandling() {
    return nullHandling;
  }

  @Override
  public String apply(Object value) {
    String s = ExtractionFns.str(value);
    if (s == null) {
      if (nullHandling.equals("returnNull")) {
        return null;
      }
      s = nullHandling.equals("emptyString") ? "" : null;
    }
    return String.format(Locale.ROOT, format, s);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StringFormatExtractionFn that && format.equals(that.format)
        && nullHandling.equals(that.nullHandling);
  }

  @Override
  public int hashCode() {
    return Objects.hash(format, nullHandling);
  }
}
