package io.kafkaindexing.core.security;

/**
 * Builds the authenticator of one {@code druid.auth.authenticator.<name>.type}. Bound by type name in
 * a Guice map ({@link SecurityModule#addAuthenticatorType}); the factory reads its settings from the
 * runtime properties under {@code prefix} ({@code druid.auth.authenticator.<name>}).
 */
public interface AuthenticatorFactory {
  Authenticator create(String name, String prefix);
}
