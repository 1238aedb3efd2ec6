package io.kafkaindexing.query.search;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/** The {@code result} of one search result entry: a JSON list of hits. Immutable. */
public record SearchResultValue(List<SearchHit> hits) {
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public SearchResultValue {
    hits = List.copyOf(hits);
  }

  @JsonValue
  @Override
  public List<SearchHit> hits() {
    return hits;
  }
}
