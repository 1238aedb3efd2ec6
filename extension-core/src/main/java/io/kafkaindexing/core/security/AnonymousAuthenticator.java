package io.kafkaindexing.core.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

/**
 * Druid's {@code anonymous} authenticator: authenticates every request that reaches it as a fixed
 * {@code identity} (default {@code defaultUser}) decided by {@code authorizerName}. Placed last in a
 * chain it gives callers without credentials a low-privilege identity. Stateless.
 */
public final class AnonymousAuthenticator implements Authenticator {
  public static final String DEFAULT_IDENTITY = "defaultUser";

  private final String name;
  private final AuthenticationResult result;

  public AnonymousAuthenticator(String name, String identity, String authorizerName) {
    this.name = name;
    this.result = new AuthenticationResult(identity == null ? DEFAULT_IDENTITY : identity,
        Objects.requireNonNull(authorizerName, "authorizerName"), name);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Outcome authenticate(HttpServletRequest request) {
    return Outcome.authenticated(result);
  }

  @Override
  public String authorizerName() {
    return result.authorizerName();
  }
}
