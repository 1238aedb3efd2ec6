package io.kafkaindexing.query;

import io.kafkaindexing.core.error.DruidException;
import java.util.Map;

/**
 * Reads the query {@code context} keys this engine honours: {@code queryId} (echoed in the
 * {@code X-Druid-Query-Id} response header) and {@code timeout} (milliseconds; 0 means none;
 * default {@value #DEFAULT_TIMEOUT_MS}, Druid's {@code druid.server.http.defaultQueryTimeout}).
 * Stateless.
 */
public final class QueryContexts {
  public static final String QUERY_ID = "queryId";
  public static final String TIMEOUT = "timeout";
  public static final long DEFAULT_TIMEOUT_MS = 300_000L;

  private QueryContexts() {}

  /**
   * The {@code timeout} in milliseconds (0 = no timeout).
   *
   * @throws DruidException (legacy "Query context parse failed", HTTP 400) when not a non-negative number
   */
  public static long timeoutMs(Map<String, Object> context) {
    Object raw = context.get(TIMEOUT);
    if (raw == null) {
      return DEFAULT_TIMEOUT_MS;
    }
    long timeout;
    try {
      timeout = raw instanceof Number n ? n.longValue() : Long.parseLong(raw.toString().trim());
    } catch (NumberFormatException e) {
      throw badContext("Query context key[timeout] must be a number of milliseconds, got[" + raw + "]");
    }
    if (timeout < 0) {
      throw badContext("Query context key[timeout] must be >= 0, got[" + raw + "]");
    }
    return timeout;
  }

  /**
   * The boolean context value {@code key} ({@code true}/{@code false} or their strings), or
   * {@code defaultValue} when absent.
   *
   * @throws DruidException (legacy "Query context parse failed", HTTP 400) for other values
   */
  public static boolean getBoolean(Map<String, Object> context, String key, boolean defaultValue) {
    Object raw = context.get(key);
    if (raw == null) {
      return defaultValue;
    }
    if (raw instanceof Boolean b) {
      return b;
    }
    String s = raw.toString().trim();
    if (s.equalsIgnoreCase("true")) {
      return true;
    }
    if (s.equalsIgnoreCase("false")) {
      return false;
    }
    throw badContext("Query context key[" + key + "] must be a boolean, got[" + raw + "]");
  }

  /** The integer context value {@code key}, or {@code defaultValue} when absent. */
  public static int getInt(Map<String, Object> context, String key, int defaultValue) {
    Object raw = context.get(key);
    if (raw == null) {
      return defaultValue;
    }
    try {
      return raw instanceof Number n ? n.intValue() : Integer.parseInt(raw.toString().trim());
    } catch (NumberFormatException e) {
      throw badContext("Query context key[" + key + "] must be an integer, got[" + raw + "]");
    }
  }

  private static DruidException badContext(String message) {
    return DruidException.legacyQuery(QueryErrors.QUERY_CONTEXT_PARSE_FAILED, DruidException.Category.INVALID_INPUT,
        QueryErrors.BAD_QUERY_CONTEXT_CLASS, null, message, null);
  }
}
