package io.kafkaindexing.core.security.basic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.guice.Jerseys;
import io.kafkaindexing.core.guice.NodeRole;
import io.kafkaindexing.core.lifecycle.Lifecycle;
import io.kafkaindexing.core.lifecycle.Managed;
import io.kafkaindexing.core.security.Authenticator;
import io.kafkaindexing.core.security.AuthenticatorFactory;
import io.kafkaindexing.core.security.Authorizer;
import io.kafkaindexing.core.security.AuthorizerFactory;
import io.kafkaindexing.core.security.SecurityModule;
import io.kafkaindexing.core.security.ServerSecurity;
import io.kafkaindexing.core.security.password.PasswordProvider;
import io.kafkaindexing.core.security.password.PasswordProviders;
import java.io.IOException;

/**
 * Druid's basic security ({@code druid-basic-security}): authenticator and authorizer type
 * {@code basic}, their metadata-store tables and initial users (created at start, stage NORMAL), and
 * the management API {@code /druid-ext/basic-security/...} on the Overlord port.
 *
 * <p>Authenticator settings under {@code druid.auth.authenticator.<name>.}: {@code authorizerName}
 * (required), {@code initialAdminPassword}, {@code initialInternalClientPassword} (password providers),
 * {@code skipOnFailure} (default false), {@code credentialIterations} (default 10000),
 * {@code credentialsValidator.type} ({@code metadata} only). Authorizer settings under
 * {@code druid.auth.authorizer.<name>.}: {@code initialAdminUser} (default {@code admin}),
 * {@code initialAdminRole} (default {@code admin}), {@code roleProvider.type} ({@code metadata} only).
 * Caches are re-read at least every {@code druid.auth.basic.common.pollingPeriod} ms (default 60000).
 */
public final class BasicSecurityModule extends AbstractModule {
  public static final String TYPE = "basic";

  @Override
  protected void configure() {
    bind(PasswordHasher.class).in(Singleton.class);
    SecurityModule.addAuthenticatorType(binder(), TYPE, AuthenticatorType.class);
    SecurityModule.addAuthorizerType(binder(), TYPE, AuthorizerType.class);
    Lifecycle.register(binder(), Initializer.class);
    Jerseys.addResource(binder(), NodeRole.OVERLORD, BasicAuthenticationResource.class);
    Jerseys.addResource(binder(), NodeRole.OVERLORD, BasicAuthorizationResource.class);
  }

  static long pollingPeriodMs(RuntimeProperties properties) {
    String value = properties.get("druid.auth.basic.common.pollingPeriod", "60000");
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Property[druid.auth.basic.common.pollingPeriod] must be milliseconds, got["
          + value + "]");
    }
  }

  static void requireMetadata(RuntimeProperties properties, String key) {
    properties.get(key).ifPresent(type -> {
      if (!type.equals("metadata")) {
        throw new IllegalArgumentException("Property[" + key + "] is [" + type + "]: only [metadata] is supported");
      }
    });
  }

  /** Builds {@code basic} authenticators. */
  static final class AuthenticatorType implements AuthenticatorFactory {
    private final RuntimeProperties properties;
    private final ObjectMapper mapper;
    private final BasicSecurityStore store;
    private final PasswordHasher hasher;

    @Inject
    AuthenticatorType(RuntimeProperties properties, ObjectMapper mapper, BasicSecurityStore store,
        PasswordHasher hasher) {
      this.properties = properties;
      this.mapper = mapper;
      this.store = store;
      this.hasher = hasher;
    }

    @Override
    public Authenticator create(String name, String prefix) {
      String authorizerName = properties.get(prefix + ".authorizerName")
          .orElseThrow(() -> new IllegalArgumentException("Property[" + prefix + ".authorizerName] is missing"));
      requireMetadata(properties, prefix + ".credentialsValidator.type");
      String iterations = properties.get(prefix + ".credentialIterations", String.valueOf(PasswordHasher.DEFAULT_ITERATIONS));
      int n;
      try {
        n = Integer.parseInt(iterations);
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 1) {
        throw new IllegalArgumentException("Property[" + prefix + ".credentialIterations] must be a positive"
            + " integer, got[" + iterations + "]");
      }
      return new BasicAuthenticator(name, authorizerName, properties.getBoolean(prefix + ".skipOnFailure", false), n,
          password(prefix + ".initialAdminPassword"), password(prefix + ".initialInternalClientPassword"),
          pollingPeriodMs(properties), store, hasher);
    }

    private PasswordProvider password(String key) {
      String value = properties.get(key).orElse(null);
      if (value == null) {
        return null;
      }
      try {
        return PasswordProviders.fromJson(value.startsWith("{") ? mapper.readTree(value)
            : mapper.getNodeFactory().textNode(value), key);
      } catch (IOException e) {
        throw new IllegalArgumentException("Property[" + key + "] is not valid JSON");
      }
    }
  }

  /** Builds {@code basic} authorizers. */
  static final class AuthorizerType implements AuthorizerFactory {
    private final RuntimeProperties properties;
    private final BasicSecurityStore store;

    @Inject
    AuthorizerType(RuntimeProperties properties, BasicSecurityStore store) {
      this.properties = properties;
      this.store = store;
    }

    @Override
    public Authorizer create(String name, String prefix) {
      requireMetadata(properties, prefix + ".roleProvider.type");
      return new BasicAuthorizer(name, properties.get(prefix + ".initialAdminUser").orElse(null),
          properties.get(prefix + ".initialAdminRole").orElse(null), pollingPeriodMs(properties), store);
    }
  }

  /** Creates the tables and initial users of every configured basic authenticator and authorizer. */
  @Singleton
  static final class Initializer implements Managed {
    private final ServerSecurity security;

    @Inject
    Initializer(ServerSecurity security) {
      this.security = security;
    }

    @Override
    public Stage stage() {
      return Stage.NORMAL;
    }

    @Override
    public void start() throws Exception {
      for (Authorizer a : security.authorizers().values()) {
        if (a instanceof BasicAuthorizer basic) {
          basic.initialize();
        }
      }
      for (Authenticator a : security.chain()) {
        if (a instanceof BasicAuthenticator basic) {
          basic.initialize();
        }
      }
    }

    @Override
    public void stop() {
    }
  }
}
