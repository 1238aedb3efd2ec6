package io.kafkaindexing.core.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code druid.auth.*}: the authenticator chain (names, tried in order; default {@code ["allowAll"]}),
 * the authorizer names (default {@code ["allowAll"]}), extra paths served without authentication
 * ({@code unsecuredPaths}; {@code /status/health} always is) and whether HTTP OPTIONS requests skip
 * authentication ({@code allowUnauthenticatedHttpOptions}, default false). Immutable.
 */
public final class AuthConfig {
  public static final String ALLOW_ALL = "allowAll";
  public static final String ANONYMOUS = "anonymous";

  private final List<String> authenticatorChain;
  private final List<String> authorizers;
  private final List<String> unsecuredPaths;
  private final boolean allowUnauthenticatedHttpOptions;

  @JsonCreator
  public AuthConfig(@JsonProperty("authenticatorChain") List<String> authenticatorChain,
      @JsonProperty("authorizers") List<String> authorizers,
      @JsonProperty("unsecuredPaths") List<String> unsecuredPaths,
      @JsonProperty("allowUnauthenticatedHttpOptions") Boolean allowUnauthenticatedHttpOptions) {
    this.authenticatorChain = authenticatorChain == null ? List.of(ALLOW_ALL) : List.copyOf(authenticatorChain);
    this.authorizers = authorizers == null ? List.of(ALLOW_ALL) : List.copyOf(authorizers);
    this.unsecuredPaths = unsecuredPaths == null ? List.of() : List.copyOf(unsecuredPaths);
    this.allowUnauthenticatedHttpOptions = allowUnauthenticatedHttpOptions != null && allowUnauthenticatedHttpOptions;
    if (this.authenticatorChain.isEmpty()) {
      throw new IllegalArgumentException("Property[druid.auth.authenticatorChain] must name at least one authenticator");
    }
    if (this.authorizers.isEmpty()) {
      throw new IllegalArgumentException("Property[druid.auth.authorizers] must name at least one authorizer");
    }
    for (String path : this.unsecuredPaths) {
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("Property[druid.auth.unsecuredPaths] entries must start with '/', got["
            + path + "]");
      }
    }
  }

  public List<String> getAuthenticatorChain() {
    return authenticatorChain;
  }

  public List<String> getAuthorizers() {
    return authorizers;
  }

  public List<String> getUnsecuredPaths() {
    return unsecuredPaths;
  }

  public boolean isAllowUnauthenticatedHttpOptions() {
    return allowUnauthenticatedHttpOptions;
  }

  @Override
  public String toString() {
    return "AuthConfig{authenticatorChain=" + authenticatorChain + ", authorizers=" + authorizers
        + ", unsecuredPaths=" + unsecuredPaths + ", allowUnauthenticatedHttpOptions=" + allowUnauthenticatedHttpOptions
        + "}";
  }
}
