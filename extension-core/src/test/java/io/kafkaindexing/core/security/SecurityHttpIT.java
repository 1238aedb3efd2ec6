package io.kafkaindexing.core.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.guice.Initialization;
import io.kafkaindexing.core.guice.NodeRole;
import io.kafkaindexing.core.lifecycle.Lifecycle;
import io.kafkaindexing.core.metadata.MetadataStorageConnector;
import io.kafkaindexing.core.server.HttpServer;
import io.kafkaindexing.core.server.TestResources;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Druid's auth model over real HTTP on the real server: the 401 challenge, basic credentials from
 * the metadata store, the management API, role permissions taking effect, the anonymous
 * authenticator, unsecured paths, the pre-response check, start-up errors naming the property, and
 * state surviving a restart.
 */
class SecurityHttpIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final String API = "/druid-ext/basic-security";
  private static final String AUTHN = API + "/authentication/db/basicn";
  private static final String AUTHZ = API + "/authorization/db/basicz";

  @TempDir
  Path tmp;

  private Lifecycle lifecycle;
  private Injector injector;
  private String overlord;

  record Reply(int status, String body, HttpResponse<String> raw) {
    JsonNode json() throws Exception {
      return JSON.readTree(body);
    }
  }

  @AfterEach
  void stop() {
    if (lifecycle != null) {
      lifecycle.stop();
      lifecycle = null;
    }
  }

  private Map<String, String> basicProperties() {
    Map<String, String> p = new HashMap<>();
    p.put("druid.auth.authenticatorChain", "[\"basicn\"]");
    p.put("druid.auth.authenticator.basicn.type", "basic");
    p.put("druid.auth.authenticator.basicn.initialAdminPassword", "adminpw");
    p.put("druid.auth.authenticator.basicn.initialInternalClientPassword", "internalpw");
    p.put("druid.auth.authenticator.basicn.authorizerName", "basicz");
    p.put("druid.auth.authorizers", "[\"basicz\"]");
    p.put("druid.auth.authorizer.basicz.type", "basic");
    p.put("druid.escalator.type", "basic");
    p.put("druid.escalator.internalClientUsername", "druid_system");
    p.put("druid.escalator.internalClientPassword", "internalpw");
    p.put("druid.escalator.authorizerName", "basicz");
    return p;
  }

  private Injector injector(Map<String, String> extra) throws Exception {
    Path extensions = Files.createDirectories(tmp.resolve("extensions"));
    Map<String, String> p = new HashMap<>(extra);
    p.put("druid.server.overlordPort", "0");
    p.put("druid.server.brokerPort", "0");
    p.put("druid.metadata.storage.connector.connectURI", "jdbc:derby:" + tmp.resolve("meta") + ";create=true");
    p.put("druid.extensions.directory", extensions.toString());
    return Initialization.makeInjector(new RuntimeProperties(p), List.of(new TestResources()));
  }

  private void start(Map<String, String> properties) throws Exception {
    injector = injector(properties);
    lifecycle = injector.getInstance(Lifecycle.class);
    lifecycle.start();
    overlord = "http://127.0.0.1:" + injector.getInstance(HttpServer.class).port(NodeRole.OVERLORD);
  }

  private Reply call(String method, String path, String user, String password, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(overlord + path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body(), r);
  }

  private Reply admin(String method, String path, String body) throws Exception {
    return call(method, path, "admin", "adminpw", body);
  }

  @Test
  void basicCredentialsRolesAndTheManagementApi() throws Exception {
    start(basicProperties());

    Reply health = call("GET", "/status/health", null, null, null);
    assertEquals(200, health.status(), "health is never secured");
    Reply anonymous = call("GET", "/status", null, null, null);
    assertEquals(401, anonymous.status());
    assertEquals(List.of("Basic"), anonymous.raw().headers().allValues("WWW-Authenticate"));
    assertEquals("Unauthorized", anonymous.json().get("error").asText());
    assertEquals(401, call("GET", "/status", "admin", "wrong", null).status());
    assertEquals(401, call("GET", "/status", "nobody", "adminpw", null).status());
    assertEquals(200, admin("GET", "/status", null).status());
    assertEquals(200, call("GET", "/status", "druid_system", "internalpw", null).status());
    assertEquals(403, admin("GET", "/test/overlord/hello", null).status(),
        "an endpoint without an authorization check is refused when security is on");

    // The initial users and the admin role.
    assertEquals(List.of("admin", "druid_system"), strings(admin("GET", AUTHN + "/users", null).json()));
    assertEquals(List.of("admin", "druid_system"), strings(admin("GET", AUTHZ + "/users", null).json()));
    assertEquals(List.of("admin"), strings(admin("GET", AUTHZ + "/users/admin", null).json().get("roles")));
    JsonNode adminRole = admin("GET", AUTHZ + "/roles/admin?full", null).json();
    assertEquals(List.of("admin", "druid_system"), strings(adminRole.get("users")));
    assertEquals(14, adminRole.get("permissions").size(), "7 resource types x READ, WRITE");

    // A new user with a role that may read STATE only.
    assertEquals(200, admin("POST", AUTHN + "/users/alice", null).status());
    assertEquals(200, admin("POST", AUTHN + "/users/alice/credentials", "{\"password\":\"alicepw\"}").status());
    assertEquals(200, admin("POST", AUTHZ + "/users/alice", null).status());
    assertEquals(200, admin("POST", AUTHZ + "/roles/statereader", null).status());
    assertEquals(200, admin("POST", AUTHZ + "/roles/statereader/permissions",
        "[{\"resource\":{\"name\":\"STATE\",\"type\":\"STATE\"},\"action\":\"READ\"}]").status());
    assertEquals(403, call("GET", "/status", "alice", "alicepw", null).status(), "no role yet");
    assertEquals(200, admin("POST", AUTHZ + "/users/alice/roles/statereader", null).status());
    assertEquals(200, call("GET", "/status", "alice", "alicepw", null).status());
    assertEquals(401, call("GET", "/status", "alice", "adminpw", null).status());
    assertEquals(403, call("GET", AUTHN + "/users", "alice", "alicepw", null).status(), "CONFIG security READ needed");
    assertEquals(403, call("POST", AUTHZ + "/users/alice/roles/admin", "alice", "alicepw", null).status());
    assertEquals(List.of("statereader"), strings(admin("GET", AUTHZ + "/users/alice", null).json().get("roles")),
        "the refused assignment changed nothing");
    JsonNode fullAlice = admin("GET", AUTHZ + "/users/alice?full", null).json();
    assertEquals("STATE", fullAlice.get("roles").get(0).get("permissions").get(0).get("resourceAction")
        .get("resource").get("type").asText());

    // Druid's error answers.
    assertEquals("User [alice] already exists.", admin("POST", AUTHN + "/users/alice", null).json().get("error")
        .asText());
    assertEquals("Basic authenticator with name [nope] does not exist.",
        admin("GET", API + "/authentication/db/nope/users", null).json().get("error").asText());
    Reply badRegex = admin("POST", AUTHZ + "/roles/statereader/permissions",
        "[{\"resource\":{\"name\":\"(\",\"type\":\"DATASOURCE\"},\"action\":\"READ\"}]");
    assertEquals(400, badRegex.status());
    assertTrue(badRegex.json().get("error").asText().contains("resource.name"), badRegex.body());
    assertEquals(400, admin("POST", AUTHN + "/users/alice/credentials", "{}").status());

    // Credentials are PBKDF2WithHmacSHA512 over a 32-byte salt, 10000 iterations; no password stored.
    JsonNode alice = admin("GET", AUTHN + "/users/alice", null).json();
    assertFalse(alice.toString().contains("alicepw"));
    byte[] salt = Base64.getDecoder().decode(alice.get("credentials").get("salt").asText());
    byte[] hash = Base64.getDecoder().decode(alice.get("credentials").get("hash").asText());
    assertEquals(32, salt.length);
    assertEquals(10000, alice.get("credentials").get("iterations").asInt());
    assertArrayEquals(pbkdf2("alicepw", salt, 10000), hash);
    assertArrayEquals(hash, storedHash("alice"), "the API shows what the metadata store holds");

    // Regrants take effect at once; deleting the user ends its access.
    assertEquals(200, admin("DELETE", AUTHZ + "/users/alice/roles/statereader", null).status());
    assertEquals(403, call("GET", "/status", "alice", "alicepw", null).status());
    assertEquals(200, admin("POST", AUTHZ + "/users/alice/roles/statereader", null).status());

    // Everything is in the metadata store: a restart keeps users, credentials and roles.
    lifecycle.stop();
    lifecycle = null;
    start(basicProperties());
    assertEquals(200, call("GET", "/status", "alice", "alicepw", null).status());
    assertEquals(List.of("admin", "alice", "druid_system"), strings(admin("GET", AUTHN + "/users", null).json()));
    assertEquals(200, admin("DELETE", AUTHN + "/users/alice", null).status());
    assertEquals(401, call("GET", "/status", "alice", "alicepw", null).status());
  }

  @Test
  void anonymousAuthenticatorAndUnsecuredPaths() throws Exception {
    Map<String, String> p = basicProperties();
    p.put("druid.auth.authenticatorChain", "[\"basicn\", \"anon\"]");
    p.put("druid.auth.authenticator.anon.type", "anonymous");
    p.put("druid.auth.authenticator.anon.authorizerName", "basicz");
    p.put("druid.auth.unsecuredPaths", "[\"/test/overlord/*\"]");
    start(p);
    Reply anonymous = call("GET", "/status", null, null, null);
    assertEquals(403, anonymous.status(), "authenticated as defaultUser, who has no role");
    assertEquals("Unauthorized", anonymous.json().get("error").asText());
    assertEquals(401, call("GET", "/status", "admin", "wrong", null).status(), "wrong credentials still end the chain");
    assertEquals(200, call("GET", "/test/overlord/hello", null, null, null).status(), "unsecured path");
    // Give defaultUser STATE READ: anonymous callers may now read /status.
    assertEquals(200, admin("POST", AUTHZ + "/users/defaultUser", null).status());
    assertEquals(200, admin("POST", AUTHZ + "/roles/state", null).status());
    assertEquals(200, admin("POST", AUTHZ + "/roles/state/permissions",
        "[{\"resource\":{\"name\":\".*\",\"type\":\"STATE\"},\"action\":\"READ\"}]").status());
    assertEquals(200, admin("POST", AUTHZ + "/users/defaultUser/roles/state", null).status());
    assertEquals(200, call("GET", "/status", null, null, null).status());
  }

  @Test
  void badConfigurationFailsStartNamingTheProperty() {
    Map<String, String> noType = Map.of("druid.auth.authenticatorChain", "[\"mine\"]");
    assertTrue(rootMessage(assertThrows(Exception.class, () -> injector(noType)))
        .contains("druid.auth.authenticator.mine.type"));
    Map<String, String> p = basicProperties();
    p.put("druid.auth.authenticator.basicn.authorizerName", "other");
    assertTrue(rootMessage(assertThrows(Exception.class, () -> injector(p)))
        .contains("druid.auth.authenticator.basicn.authorizerName"));
    Map<String, String> e = basicProperties();
    e.put("druid.escalator.type", "ldap");
    assertTrue(rootMessage(assertThrows(Exception.class, () -> injector(e))).contains("druid.escalator.type"));
    Map<String, String> f = basicProperties();
    f.put("druid.escalator.authorizerName", "nope");
    assertTrue(rootMessage(assertThrows(Exception.class, () -> injector(f))).contains("druid.escalator.authorizerName"));
    Map<String, String> q = basicProperties();
    q.put("druid.auth.authorizer.basicz.type", "ldap");
    assertTrue(rootMessage(assertThrows(Exception.class, () -> injector(q))).contains("druid.auth.authorizer.basicz.type"));
  }

  private static String rootMessage(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c.getMessage()).append('\n');
    }
    return sb.toString();
  }

  private byte[] storedHash(String user) throws Exception {
    MetadataStorageConnector connector = injector.getInstance(MetadataStorageConnector.class);
    try (Connection c = connector.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT hash FROM " + connector.table("basic_users") + " WHERE name = ?")) {
      ps.setString(1, user);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        return rs.getBytes(1);
      }
    }
  }

  private static byte[] pbkdf2(String password, byte[] salt, int iterations) throws Exception {
    return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
        .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 512)).getEncoded();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
