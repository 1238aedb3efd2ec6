package io.kafkaindexing.query.extraction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"type": "upper", "locale"}}; see {@link CaseExtractionFn}. Immutable. */
public final class UpperExtractionFn extends CaseExtractionFn {
  @JsonCreator
  public UpperExtractionFn(@JsonProperty("locale") String locale) {
    super(locale, true);
  }
}
