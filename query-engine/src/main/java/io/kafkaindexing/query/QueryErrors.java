package io.kafkaindexing.query;

/**
 * The legacy Broker error codes and exception class names clients see in Druid's error JSON
 * ({@code error} and {@code errorClass}). The class names are Druid's own, so that clients matching
 * on them keep working; they name the kind of failure, not a class of this code base. Constants.
 */
public final class QueryErrors {
  public static final String JSON_PARSE_FAILED = "Json parse failed";
  public static final String QUERY_CONTEXT_PARSE_FAILED = "Query context parse failed";
  public static final String QUERY_TIMEOUT = "Query timeout";
  public static final String QUERY_CANCELLED = "Query cancelled";
  public static final String UNKNOWN_EXCEPTION = "Unknown exception";
  public static final String RESOURCE_LIMIT_EXCEEDED = "Resource limit exceeded";

  public static final String JSON_PARSE_CLASS = "com.fasterxml.jackson.core.JsonParseException";
  public static final String BAD_QUERY_CONTEXT_CLASS = "org.apache.druid.query.BadQueryContextException";
  public static final String TIMEOUT_CLASS = "org.apache.druid.query.QueryTimeoutException";
  public static final String INTERRUPTED_CLASS = "org.apache.druid.query.QueryInterruptedException";
  public static final String RESOURCE_LIMIT_CLASS = "org.apache.druid.query.ResourceLimitExceededException";

  /** Druid's default timeout message. */
  public static final String TIMEOUT_MESSAGE = "Query did not complete within configured timeout period. "
      + "You can increase query timeout or tune the performance of query.";

  private QueryErrors() {}
}
