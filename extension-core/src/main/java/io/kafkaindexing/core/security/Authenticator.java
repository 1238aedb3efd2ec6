package io.kafkaindexing.core.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One link of the authenticator chain ({@code druid.auth.authenticatorChain}). For each request it
 * either authenticates the caller, passes (the request carries no credentials it understands, so
 * the next authenticator tries), or rejects the request outright (credentials it understands but
 * that are wrong). Implementations are thread-safe.
 */
public interface Authenticator {
  /** The name this authenticator is configured under. */
  String name();

  /** Decides about one request; never throws for bad credentials (that is {@link Outcome#reject}). */
  Outcome authenticate(HttpServletRequest request);

  /**
   * The {@code WWW-Authenticate} challenge this authenticator offers when no authenticator of the
   * chain authenticated a request (e.g. {@code Basic realm="druid"}), or null for none.
   */
  default String challenge() {
    return null;
  }

  /** The authorizer this authenticator's identities are decided by, if fixed by configuration; else null. */
  default String authorizerName() {
    return null;
  }

  /**
   * The decision about one request, with response headers to send either way (e.g. the final
   * SPNEGO token and a session cookie). Immutable.
   */
  record Outcome(AuthenticationResult result, String rejection, java.util.List<java.util.Map.Entry<String, String>> headers) {
    private static final Outcome PASS = new Outcome(null, null, java.util.List.of());

    public Outcome {
      headers = headers == null ? java.util.List.of() : java.util.List.copyOf(headers);
    }

    public static Outcome authenticated(AuthenticationResult result) {
      return new Outcome(result, null, java.util.List.of());
    }

    public static Outcome pass() {
      return PASS;
    }

    /** Refuses the request with 401; {@code reason} is logged, never sent (it may name a user). */
    public static Outcome reject(String reason) {
      return new Outcome(null, reason, java.util.List.of());
    }

    /** The same outcome with one more response header. */
    public Outcome withHeader(String name, String value) {
      java.util.List<java.util.Map.Entry<String, String>> more = new java.util.ArrayList<>(headers);
      more.add(java.util.Map.entry(name, value));
      return new Outcome(result, rejection, more);
    }

    public boolean isAuthenticated() {
      return result != null;
    }

    public boolean isRejected() {
      return rejection != null;
    }
  }
}
