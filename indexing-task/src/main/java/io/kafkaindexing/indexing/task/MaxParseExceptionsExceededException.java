package io.kafkaindexing.indexing.task;

/**
 * Thrown when a task has seen more unparseable and processed-with-error rows than
 * {@code tuningConfig.maxParseExceptions} allows; the task fails with this message.
 */
public final class MaxParseExceptionsExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MaxParseExceptionsExceededException(String message) {
    super(message);
  }
}
