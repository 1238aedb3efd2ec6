package io.kafkaindexing.core.security;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import io.kafkaindexing.core.config.RuntimeProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * This process's authenticator chain and authorizers, built once at start-up from
 * {@code druid.auth.*}: for each name in {@code druid.auth.authenticatorChain} the authenticator of
 * type {@code druid.auth.authenticator.<name>.type}, for each name in {@code druid.auth.authorizers}
 * the authorizer of type {@code druid.auth.authorizer.<name>.type}. A name {@code allowAll} without a
 * type is Druid's allow-all authenticator or authorizer. A missing or unknown type, or an
 * authenticator or escalator whose authorizer is not listed, fails start-up naming the property. Immutable and
 * thread-safe.
 */
@Singleton
public final class ServerSecurity {
  /** Paths Druid always serves without authentication. */
  public static final List<String> ALWAYS_UNSECURED = List.of("/status/health");

  private final AuthConfig config;
  private final List<Authenticator> chain;
  private final Map<String, Authorizer> authorizers;
  private final List<String> unsecuredPaths;

  @Inject
  public ServerSecurity(AuthConfig config, EscalatorConfig escalator, RuntimeProperties properties,
      Map<String, AuthenticatorFactory> authenticatorTypes, Map<String, AuthorizerFactory> authorizerTypes) {
    this.config = config;
    Map<String, Authorizer> byName = new LinkedHashMap<>();
    for (String name : config.getAuthorizers()) {
      String prefix = "druid.auth.authorizer." + name;
      byName.put(name, authorizerTypes.get(type(properties, prefix, name, authorizerTypes.keySet())).create(name, prefix));
    }
    this.authorizers = Map.copyOf(byName);
    List<Authenticator> authenticators = new ArrayList<>();
    for (String name : config.getAuthenticatorChain()) {
      String prefix = "druid.auth.authenticator." + name;
      Authenticator a = authenticatorTypes.get(type(properties, prefix, name, authenticatorTypes.keySet()))
          .create(name, prefix);
      if (a.authorizerName() != null && !authorizers.containsKey(a.authorizerName())) {
        throw new IllegalArgumentException("Property[" + prefix + ".authorizerName] is [" + a.authorizerName()
            + "], which is not in druid.auth.authorizers " + config.getAuthorizers());
      }
      authenticators.add(a);
    }
    this.chain = List.copyOf(authenticators);
    if (escalator.getAuthorizerName() != null && !authorizers.containsKey(escalator.getAuthorizerName())) {
      throw new IllegalArgumentException("Property[druid.escalator.authorizerName] is [" + escalator.getAuthorizerName()
          + "], which is not in druid.auth.authorizers " + config.getAuthorizers());
    }
    List<String> unsecured = new ArrayList<>(ALWAYS_UNSECURED);
    unsecured.addAll(config.getUnsecuredPaths());
    this.unsecuredPaths = List.copyOf(unsecured);
  }

  private static String type(RuntimeProperties properties, String prefix, String name, java.util.Set<String> known) {
    String type = properties.get(prefix + ".type").orElse(AuthConfig.ALLOW_ALL.equals(name) ? AuthConfig.ALLOW_ALL : null);
    if (type == null) {
      throw new IllegalArgumentException("Property[" + prefix + ".type] is missing: expected one of "
          + new TreeSet<>(known));
    }
    if (!known.contains(type)) {
      throw new IllegalArgumentException("Property[" + prefix + ".type] is [" + type + "]: expected one of "
          + new TreeSet<>(known));
    }
    return type;
  }

  public AuthConfig config() {
    return config;
  }

  /** The authenticators in chain order. */
  public List<Authenticator> chain() {
    return chain;
  }

  /** Every configured authorizer by name. */
  public Map<String, Authorizer> authorizers() {
    return authorizers;
  }

  /** The authorizer configured under {@code name}, or null. */
  public Authorizer authorizer(String name) {
    return authorizers.get(name);
  }

  /** Whether {@code path} is served without authentication: an exact path or a {@code /prefix/*} entry. */
  public boolean isUnsecured(String path) {
    for (String spec : unsecuredPaths) {
      if (spec.endsWith("/*") ? path.startsWith(spec.substring(0, spec.length() - 1))
          || path.equals(spec.substring(0, spec.length() - 2)) : path.equals(spec)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether anything is secured: false for the default configuration (allow-all authenticators and
   * authorizers only), where an endpoint that forgot its check is logged instead of refused.
   */
  public boolean isEnforcing() {
    return !(chain.stream().allMatch(a -> a instanceof AllowAllAuthenticator)
        && authorizers.values().stream().allMatch(a -> a instanceof AllowAllAuthorizer));
  }
}
