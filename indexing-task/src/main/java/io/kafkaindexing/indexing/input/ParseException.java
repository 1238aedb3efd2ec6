package io.kafkaindexing.indexing.input;

/**
 * A record or row that cannot be ingested: counted as unparseable (or thrown away) and reported,
 * never fatal below {@code maxParseExceptions}. The message says what is wrong with the input.
 */
public final class ParseException extends Exception {
  private static final long serialVersionUID = 1L;

  public ParseException(String message) {
    super(message);
  }

  public ParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
