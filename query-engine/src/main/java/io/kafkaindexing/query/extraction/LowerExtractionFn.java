package io.kafkaindexing.query.extraction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"type": "lower", "locale"}}; see {@link CaseExtractionFn}. Immutable. */
public final class LowerExtractionFn extends CaseExtractionFn {
  @JsonCreator
  public LowerExtractionFn(@JsonProperty("locale") String locale) {
    super(locale, false);
  }
}
