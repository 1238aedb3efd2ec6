package io.kafkaindexing.segment.incremental;

import java.util.List;

/**
 * What {@link IncrementalIndex#add} did: the problems with values that could not be stored (stored
 * as null instead), e.g. a non-numeric value of a metric input. A row with parse errors was still
 * added; ingestion counts it as processed with error. Immutable; a row without problems gets the
 * shared {@link #NO_PARSE_ERRORS} (no object per row).
 */
public record IncrementalIndexAddResult(List<String> parseErrors) {
  public static final IncrementalIndexAddResult NO_PARSE_ERRORS = new IncrementalIndexAddResult(List.of());

  public IncrementalIndexAddResult {
    parseErrors = List.copyOf(parseErrors);
  }

  public boolean hasParseErrors() {
    return !parseErrors.isEmpty();
  }
}
