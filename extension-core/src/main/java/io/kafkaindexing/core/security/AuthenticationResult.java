package io.kafkaindexing.core.security;

import java.util.Map;
import java.util.Objects;

/**
 * Who a request comes from, as an authenticator established it: the identity, the name of the
 * authorizer that decides what the identity may do, and the name of the authenticator that
 * authenticated it. Carried on the request (attribute {@link #ATTRIBUTE}). Immutable.
 */
public record AuthenticationResult(String identity, String authorizerName, String authenticatedBy,
    Map<String, Object> context) {
  /** The request attribute holding the result, named as in Druid. */
  public static final String ATTRIBUTE = "Druid-Authentication-Result";

  public AuthenticationResult {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(authorizerName, "authorizerName");
    context = context == null ? Map.of() : Map.copyOf(context);
  }

  public AuthenticationResult(String identity, String authorizerName, String authenticatedBy) {
    this(identity, authorizerName, authenticatedBy, Map.of());
  }
}
