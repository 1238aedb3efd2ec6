package io.kafkaindexing.query.search;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"type": "insensitive_contains", "value"}}: {@code contains} without case. Immutable. */
public final class InsensitiveContainsSearchQuerySpec extends ContainsSearchQuerySpec {
  @JsonCreator
  public InsensitiveContainsSearchQuerySpec(@JsonProperty("value") String value) {
    super(value, false);
  }

  @Override
  @JsonIgnore
  public boolean isCaseSensitive() {
    return false;
  }
}
