package io.kafkaindexing.core.security;

/** Druid's {@code allowAll} authorizer: everything is allowed. Stateless. */
public final class AllowAllAuthorizer implements Authorizer {
  public static final AllowAllAuthorizer INSTANCE = new AllowAllAuthorizer();

  @Override
  public Access authorize(AuthenticationResult who, Resource resource, Action action) {
    return Access.OK;
  }
}
