package io.kafkaindexing.core.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Druid's {@code allowAll} authenticator: every request is authenticated as identity
 * {@code allowAll}, decided by the authorizer named {@code allowAll}. The default chain. Stateless.
 */
public final class AllowAllAuthenticator implements Authenticator {
  private final String name;
  private final AuthenticationResult result;

  public AllowAllAuthenticator(String name) {
    this.name = name;
    this.result = new AuthenticationResult(AuthConfig.ALLOW_ALL, AuthConfig.ALLOW_ALL, name);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String authorizerName() {
    return AuthConfig.ALLOW_ALL;
  }

  @Override
  public Outcome authenticate(HttpServletRequest request) {
    return Outcome.authenticated(result);
  }
}
