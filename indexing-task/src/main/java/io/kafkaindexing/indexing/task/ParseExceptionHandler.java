package io.kafkaindexing.indexing.task;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a task does with a parse exception, as Druid's handler does: count it ({@code unparseable},
 * or {@code processedWithError} for a row indexed with bad values), log it when
 * {@code logParseExceptions}, keep the last {@code maxSavedParseExceptions} as reports, and throw
 * {@link MaxParseExceptionsExceededException} once unparseable + processedWithError exceeds
 * {@code maxParseExceptions}. Thread-safe: handled on the task thread, saved reports read by anyone.
 */
public final class ParseExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ParseExceptionHandler.class);

  private final String taskId;
  private final RowIngestionMeters meters;
  private final boolean logParseExceptions;
  private final int maxParseExceptions;
  private final int maxSaved;
  private final LongSupplier clock;
  /** Guarded by this: the most recent saved reports, oldest first. */
  private final Deque<ParseExceptionReport> saved = new ArrayDeque<>();

  public ParseExceptionHandler(String taskId, RowIngestionMeters meters, boolean logParseExceptions,
      int maxParseExceptions, int maxSavedParseExceptions, LongSupplier clock) {
    this.taskId = taskId;
    this.meters = meters;
    this.logParseExceptions = logParseExceptions;
    this.maxParseExceptions = maxParseExceptions;
    this.maxSaved = Math.max(0, maxSavedParseExceptions);
    this.clock = clock;
  }

  /** Where an input came from, for reports and logs. */
  public record Source(String topic, int partition, long offset) {
  }

  /**
   * Counts and records one parse exception.
   *
   * @param partiallyValid true for a row that was indexed with some values dropped
   * @throws MaxParseExceptionsExceededException when this one is above the allowed number
   */
  public void handle(String input, String message, boolean partiallyValid, Source source) {
    handle(input, List.of(message), partiallyValid, source);
  }

  /** As {@link #handle(String, String, boolean, Source)} with several details (one per bad column). */
  public void handle(String input, List<String> details, boolean partiallyValid, Source source) {
    String message = details.size() == 1 ? details.get(0) : String.join("; ", details);
    if (partiallyValid) {
      meters.incrementProcessedWithError();
    } else {
      meters.incrementUnparseable();
    }
    if (logParseExceptions) {
      log.warn("Task[{}] {} input at topic[{}] partition[{}] offset[{}]: {}", taskId,
          partiallyValid ? "processed with error the" : "could not parse the", source.topic(), source.partition(),
          source.offset(), message);
    }
    if (maxSaved > 0) {
      ParseExceptionReport report = new ParseExceptionReport(input,
          partiallyValid ? ParseExceptionReport.PROCESSED_WITH_ERROR : ParseExceptionReport.UNPARSEABLE,
          details, clock.getAsLong(), source.topic(), source.partition(), source.offset());
      synchronized (this) {
        if (saved.size() == maxSaved) {
          saved.removeFirst();
        }
        saved.addLast(report);
      }
    }
    long errors = meters.unparseable() + meters.processedWithError();
    if (errors > maxParseExceptions) {
      throw new MaxParseExceptionsExceededException("Max parse exceptions[" + maxParseExceptions + "] exceeded: "
          + meters.unparseable() + " unparseable and " + meters.processedWithError()
          + " processed-with-error rows; the last at topic[" + source.topic() + "] partition[" + source.partition()
          + "] offset[" + source.offset() + "]: " + message);
    }
  }

  /** The saved reports, newest first as Druid lists them; empty when {@code maxSavedParseExceptions} is 0. */
  public synchronized List<ParseExceptionReport> savedReports() {
    List<ParseExceptionReport> out = new ArrayList<>(saved.size());
    saved.descendingIterator().forEachRemaining(out::add);
    return out;
  }

  /** Whether reports are saved at all (Druid then shows {@code unparseableEvents.buildSegments}). */
  public boolean savesReports() {
    return maxSaved > 0;
  }
}
