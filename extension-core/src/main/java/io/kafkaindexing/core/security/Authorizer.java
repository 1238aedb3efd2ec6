package io.kafkaindexing.core.security;

/**
 * Decides whether an authenticated identity may perform an action on a resource
 * ({@code druid.auth.authorizers}). Implementations are thread-safe.
 */
public interface Authorizer {
  Access authorize(AuthenticationResult who, Resource resource, Action action);
}
