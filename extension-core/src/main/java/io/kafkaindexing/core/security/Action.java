package io.kafkaindexing.core.security;

/** What a caller wants to do with a {@link Resource}, as in Druid: read-only, or anything else. */
public enum Action {
  READ,
  WRITE;

  /** The action an HTTP method implies, as Druid's resource filters decide it: GET and HEAD read. */
  public static Action forMethod(String httpMethod) {
    return "GET".equalsIgnoreCase(httpMethod) || "HEAD".equalsIgnoreCase(httpMethod) ? READ : WRITE;
  }
}
