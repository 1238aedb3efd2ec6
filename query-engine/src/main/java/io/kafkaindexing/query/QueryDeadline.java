package io.kafkaindexing.query;

import io.kafkaindexing.core.error.DruidException;

/**
 * When a running query must stop: its timeout and cancellation. Engines call {@link #check()}
 * between segments and every so many rows. Thread-safe: {@link #cancel()} may come from any thread.
 */
public final class QueryDeadline {
  private final String queryId;
  private final long deadlineNanos;
  private final boolean hasTimeout;
  /** Set by cancel(); read by the query's thread. */
  private volatile boolean cancelled;

  private QueryDeadline(String queryId, long timeoutMs) {
    this.queryId = queryId;
    this.hasTimeout = timeoutMs > 0;
    this.deadlineNanos = hasTimeout ? System.nanoTime() + timeoutMs * 1_000_000L : 0L;
  }

  /** A deadline {@code timeoutMs} from now; 0 means none. */
  public static QueryDeadline start(String queryId, long timeoutMs) {
    return new QueryDeadline(queryId, timeoutMs);
  }

  /** A deadline that never passes (tests, internal queries). */
  public static QueryDeadline none() {
    return new QueryDeadline(null, 0L);
  }

  public void cancel() {
    cancelled = true;
  }

  /**
   * Returns if the query may go on.
   *
   * @throws DruidException with Druid's "Query timeout" (504) or "Query cancelled" (500) shape
   */
  public void check() {
    if (cancelled) {
      throw DruidException.legacyQuery(QueryErrors.QUERY_CANCELLED, DruidException.Category.CANCELED,
          QueryErrors.INTERRUPTED_CLASS, null, "Query[" + queryId + "] was cancelled", null);
    }
    if (hasTimeout && System.nanoTime() - deadlineNanos > 0) {
      throw DruidException.legacyQuery(QueryErrors.QUERY_TIMEOUT, DruidException.Category.TIMEOUT,
          QueryErrors.TIMEOUT_CLASS, null, QueryErrors.TIMEOUT_MESSAGE, null);
    }
  }
}
