package io.kafkaindexing.core.security;

/**
 * Builds the authorizer of one {@code druid.auth.authorizer.<name>.type}, reading its settings under
 * {@code prefix}. Bound by type name ({@link SecurityModule#addAuthorizerType}).
 */
public interface AuthorizerFactory {
  Authorizer create(String name, String prefix);
}
