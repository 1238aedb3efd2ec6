package io.kafkaindexing.indexing.input;

/**
 * A record or row that cannot be ingested: counted as unparseable and reported, never fatal below
 * {@code maxParseExceptions}. The message says what is wrong with the input; {@link #input()} is
 * the offending input as text (the row or the record), when known, for saved parse exception
 * reports.
 */
public final class ParseException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String input;

  public ParseException(String message) {
    this(null, message, null);
  }

  public ParseException(String message, Throwable cause) {
    this(null, message, cause);
  }

  public ParseException(String input, String message, Throwable cause) {
    super(message, cause);
    this.input = input;
  }

  /** The input that failed, or null when the caller should use the whole record. */
  public String input() {
    return input;
  }
}
