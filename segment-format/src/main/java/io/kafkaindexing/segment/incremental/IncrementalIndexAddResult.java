package io.kafkaindexing.segment.incremental;

import java.util.List;

/**
 * What {@link IncrementalIndex#add} did: the number of stored rows afterwards and the problems with
 * values that could not be stored (stored as null instead), e.g. a non-numeric value of a metric
 * input. A row with parse errors was still added; ingestion counts it as processed with error.
 * Immutable.
 */
public record IncrementalIndexAddResult(int rowCount, List<String> parseErrors) {
  public IncrementalIndexAddResult {
    parseErrors = List.copyOf(parseErrors);
  }

  public boolean hasParseErrors() {
    return !parseErrors.isEmpty();
  }
}
