package io.kafkaindexing.core.security;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Inject;
import com.google.inject.multibindings.MapBinder;
import io.kafkaindexing.core.config.JsonConfigProvider;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.security.basic.BasicSecurityModule;

/**
 * Guice bindings of Druid's auth model: {@code druid.auth.*} ({@link AuthConfig}),
 * {@code druid.escalator.*} ({@link EscalatorConfig}), the authenticator and authorizer types by name
 * (built in: {@code allowAll}, {@code anonymous}, {@code basic} from {@link BasicSecurityModule}, {@code kerberos}; extensions add theirs with
 * {@link #addAuthenticatorType} / {@link #addAuthorizerType}) and the {@link ServerSecurity} built
 * from them, eagerly so that a bad configuration fails start-up.
 */
public final class SecurityModule extends AbstractModule {
  @Override
  protected void configure() {
    JsonConfigProvider.bind(binder(), "druid.auth", AuthConfig.class);
    JsonConfigProvider.bind(binder(), "druid.escalator", EscalatorConfig.class);
    addAuthenticatorType(binder(), AuthConfig.ALLOW_ALL, AllowAllAuthenticatorFactory.class);
    addAuthenticatorType(binder(), AuthConfig.ANONYMOUS, AnonymousFactory.class);
    addAuthorizerType(binder(), AuthConfig.ALLOW_ALL, AllowAllAuthorizerFactory.class);
    bind(ServerSecurity.class).asEagerSingleton();
    install(new BasicSecurityModule());
    install(new io.kafkaindexing.core.security.kerberos.KerberosModule());
  }

  public static void addAuthenticatorType(Binder binder, String type, Class<? extends AuthenticatorFactory> factory) {
    MapBinder.newMapBinder(binder, String.class, AuthenticatorFactory.class).addBinding(type).to(factory);
  }

  public static void addAuthorizerType(Binder binder, String type, Class<? extends AuthorizerFactory> factory) {
    MapBinder.newMapBinder(binder, String.class, AuthorizerFactory.class).addBinding(type).to(factory);
  }

  /** Authenticator type {@code allowAll}. */
  static final class AllowAllAuthenticatorFactory implements AuthenticatorFactory {
    @Override
    public Authenticator create(String name, String prefix) {
      return new AllowAllAuthenticator(name);
    }
  }

  /** Authorizer type {@code allowAll}. */
  static final class AllowAllAuthorizerFactory implements AuthorizerFactory {
    @Override
    public Authorizer create(String name, String prefix) {
      return AllowAllAuthorizer.INSTANCE;
    }
  }

  /** Type {@code anonymous}: {@code identity} (default {@code defaultUser}) and {@code authorizerName}. */
  static final class AnonymousFactory implements AuthenticatorFactory {
    private final RuntimeProperties properties;

    @Inject
    AnonymousFactory(RuntimeProperties properties) {
      this.properties = properties;
    }

    @Override
    public Authenticator create(String name, String prefix) {
      String authorizerName = properties.get(prefix + ".authorizerName")
          .orElseThrow(() -> new IllegalArgumentException("Property[" + prefix + ".authorizerName] is missing"));
      return new AnonymousAuthenticator(name, properties.get(prefix + ".identity").orElse(null), authorizerName);
    }
  }
}
