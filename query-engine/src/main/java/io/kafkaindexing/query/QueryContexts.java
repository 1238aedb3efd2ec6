package io.kafkaindexing.query;

import io.kafkaindexing.core.error.DruidException;
import java.util.List;
import java.util.Map;

/**
 * Reads the query {@code context} keys this engine honours: {@code queryId} (echoed in the
 * {@code X-Druid-Query-Id} response header), {@code timeout} (milliseconds; 0 means none;
 * default {@value #DEFAULT_TIMEOUT_MS}, Druid's {@code druid.server.http.defaultQueryTimeout}) and
 * {@code finalize} (default true); and checks the types of the general keys it accepts without
 * acting on them ({@code priority}, an integer; {@code lane}, a string; the cache flags, booleans).
 * {@code bySegment} results are not served. Stateless.
 */
public final class QueryContexts {
  public static final String QUERY_ID = "queryId";
  public static final String TIMEOUT = "timeout";
  public static final long DEFAULT_TIMEOUT_MS = 300_000L;
  public static final String FINALIZE = "finalize";
  public static final String PRIORITY = "priority";
  public static final String LANE = "lane";
  public static final String BY_SEGMENT = "bySegment";
  /** General boolean keys accepted and not acted on (there is no query cache). */
  private static final List<String> IGNORED_BOOLEANS = List.of("useCache", "populateCache",
      "useResultLevelCache", "populateResultLevelCache", "enableParallelMerge", "useFilterCNF",
      "secondaryPartitionPruning", "debug", "setProcessingThreadNames", "serializeDateTimeAsLongInner");

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

  /** Whether aggregates are finalized ({@code finalize}, default true). */
  public static boolean isFinalize(Map<String, Object> context) {
    return getBoolean(context, FINALIZE, true);
  }

  /**
   * Checks the general keys every query type accepts: {@code timeout}, {@code priority} (an
   * integer), {@code lane} (a string), {@code finalize} and the cache flags (booleans).
   *
   * @throws DruidException (legacy "Query context parse failed", HTTP 400) naming the key at fault,
   *     or invalid input for {@code bySegment} results, which are not served
   */
  public static void validate(Map<String, Object> context) {
    timeoutMs(context);
    getInt(context, PRIORITY, 0);
    Object lane = context.get(LANE);
    if (lane != null && !(lane instanceof String)) {
      throw badContext("Query context key[lane] must be a string, got[" + lane + "]");
    }
    isFinalize(context);
    for (String key : IGNORED_BOOLEANS) {
      getBoolean(context, key, false);
    }
    if (getBoolean(context, BY_SEGMENT, false)) {
      throw DruidException.invalidInput("Query context key[bySegment] = true is not supported: results are always "
          + "merged across segments");
    }
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
