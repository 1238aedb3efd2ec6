package io.kafkaindexing.core.security;

/** The answer of an {@link Authorizer}: allowed or not, and why not. Immutable. */
public record Access(boolean allowed, String message) {
  /** Druid's message when access is denied without a reason. */
  public static final String DEFAULT_DENIED_MESSAGE = "Unauthorized";
  public static final Access OK = new Access(true, "");
  public static final Access DENIED = new Access(false, DEFAULT_DENIED_MESSAGE);
}
