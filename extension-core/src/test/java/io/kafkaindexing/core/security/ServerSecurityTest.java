package io.kafkaindexing.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.core.config.RuntimeProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chain and authorizers built from druid.auth.*, unsecured path matching, and what the defaults are. */
class ServerSecurityTest {
  private static final Map<String, AuthenticatorFactory> AUTHENTICATORS = Map.of(
      "allowAll", (name, prefix) -> new AllowAllAuthenticator(name),
      "anonymous", (name, prefix) -> new AnonymousAuthenticator(name, null, "allowAll"));
  private static final Map<String, AuthorizerFactory> AUTHORIZERS = Map.of(
      "allowAll", (name, prefix) -> AllowAllAuthorizer.INSTANCE);

  private static ServerSecurity build(AuthConfig config, Map<String, String> properties) {
    return new ServerSecurity(config, new EscalatorConfig(null, null, null, null), new RuntimeProperties(properties),
        AUTHENTICATORS, AUTHORIZERS);
  }

  @Test
  void defaultsAllowEverythingAndEnforceNothing() {
    ServerSecurity security = build(new AuthConfig(null, null, null, null), Map.of());
    assertEquals(1, security.chain().size());
    assertTrue(security.chain().get(0) instanceof AllowAllAuthenticator);
    assertFalse(security.isEnforcing(), "the default configuration keeps today's behaviour");
    assertTrue(security.isUnsecured("/status/health"));
    assertFalse(security.isUnsecured("/status"));
  }

  @Test
  void unsecuredPathsAreExactOrPrefixes() {
    ServerSecurity security = build(new AuthConfig(List.of("anon"), null, List.of("/exact", "/tree/*"), null),
        Map.of("druid.auth.authenticator.anon.type", "anonymous"));
    assertTrue(security.isEnforcing());
    assertTrue(security.isUnsecured("/exact"));
    assertFalse(security.isUnsecured("/exact/more"));
    assertFalse(security.isUnsecured("/exactly"));
    assertTrue(security.isUnsecured("/tree"));
    assertTrue(security.isUnsecured("/tree/a/b"));
    assertFalse(security.isUnsecured("/treehouse"));
  }

  @Test
  void badSettingsNameTheProperty() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new AuthConfig(List.of(), null, null, null))
        .getMessage().contains("druid.auth.authenticatorChain"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new AuthConfig(null, null, List.of("x"), null))
        .getMessage().contains("druid.auth.unsecuredPaths"));
    assertEquals("Property[druid.auth.authenticator.mine.type] is [ldap]: expected one of [allowAll, anonymous]",
        assertThrows(IllegalArgumentException.class, () -> build(new AuthConfig(List.of("mine"), null, null, null),
            Map.of("druid.auth.authenticator.mine.type", "ldap"))).getMessage());
  }

  @Test
  void actionFollowsTheHttpMethod() {
    assertEquals(Action.READ, Action.forMethod("GET"));
    assertEquals(Action.READ, Action.forMethod("head"));
    assertEquals(Action.WRITE, Action.forMethod("POST"));
    assertEquals(Action.WRITE, Action.forMethod("DELETE"));
  }
}
