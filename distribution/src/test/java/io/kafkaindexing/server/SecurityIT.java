package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * High-security mode end to end with basic authentication: every supervisor, task, query and
 * status endpoint walked by an unauthenticated caller (401 with the challenge), by users without
 * the permission (403, or lists without what they may not see) and by authorized users; refused
 * calls change nothing; the Kafka secrets of the spec never appear in any answer or log line, yet
 * the spec keeps them.
 */
class SecurityIT {
  private static final String V1 = "/druid/indexer/v1";
  private static final String SUP = V1 + "/supervisor";
  private static final String AUTHN = "/druid-ext/basic-security/authentication/db/MyBasicMetadataAuthenticator";
  private static final String AUTHZ = "/druid-ext/basic-security/authorization/db/MyBasicMetadataAuthorizer";
  private static final String ADMIN_PASSWORD = "admin-http-secret-1";
  private static final List<String> SECRETS = List.of(ADMIN_PASSWORD, "internal-http-secret-2", "writer-secret-3",
      "reader-secret-4", "stranger-secret-5", "jaas-secret-6", "truststore-secret-7", "token-secret-8");

  @TempDir
  Path tmp;

  static Map<String, String> basicSecurity() {
    Map<String, String> p = new HashMap<>();
    p.put("druid.auth.authenticatorChain", "[\"MyBasicMetadataAuthenticator\"]");
    p.put("druid.auth.authenticator.MyBasicMetadataAuthenticator.type", "basic");
    p.put("druid.auth.authenticator.MyBasicMetadataAuthenticator.initialAdminPassword", ADMIN_PASSWORD);
    p.put("druid.auth.authenticator.MyBasicMetadataAuthenticator.initialInternalClientPassword",
        "internal-http-secret-2");
    p.put("druid.auth.authenticator.MyBasicMetadataAuthenticator.credentialsValidator.type", "metadata");
    p.put("druid.auth.authenticator.MyBasicMetadataAuthenticator.skipOnFailure", "false");
    p.put("druid.auth.authenticator.MyBasicMetadataAuthenticator.authorizerName", "MyBasicMetadataAuthorizer");
    p.put("druid.escalator.type", "basic");
    p.put("druid.escalator.internalClientUsername", "druid_system");
    p.put("druid.escalator.internalClientPassword", "internal-http-secret-2");
    p.put("druid.escalator.authorizerName", "MyBasicMetadataAuthorizer");
    p.put("druid.auth.authorizers", "[\"MyBasicMetadataAuthorizer\"]");
    p.put("druid.auth.authorizer.MyBasicMetadataAuthorizer.type", "basic");
    p.put("druid.historical.pollPeriod", "PT0.2S");
    return p;
  }

  /** Creates a user with a password and one role holding {@code permissions} (a JSON array). */
  static void createUser(AuthHttp admin, String overlord, String user, String password, String permissions)
      throws Exception {
    assertEquals(200, admin.post(overlord + AUTHN + "/users/" + user, null).status());
    assertEquals(200, admin.post(overlord + AUTHN + "/users/" + user + "/credentials",
        "{\"password\":\"" + password + "\"}").status());
    assertEquals(200, admin.post(overlord + AUTHZ + "/users/" + user, null).status());
    assertEquals(200, admin.post(overlord + AUTHZ + "/roles/" + user + "-role", null).status());
    assertEquals(200, admin.post(overlord + AUTHZ + "/roles/" + user + "-role/permissions", permissions).status());
    assertEquals(200, admin.post(overlord + AUTHZ + "/users/" + user + "/roles/" + user + "-role", null).status());
  }

  static String permission(String type, String name, String action) {
    return "{\"resource\":{\"name\":\"" + name + "\",\"type\":\"" + type + "\"},\"action\":\"" + action + "\"}";
  }

  @Test
  void everyEndpointAsUnauthenticatedUnauthorizedAndAuthorizedUser() throws Exception {
    AuthHttp.BODIES.clear();
    try (LogCapture logs = LogCapture.capture(); TestCluster cluster = new TestCluster(tmp, basicSecurity())) {
      String o = cluster.overlord();
      String b = cluster.broker();
      AuthHttp admin = AuthHttp.user("admin", ADMIN_PASSWORD);
      AuthHttp anonymous = AuthHttp.anonymous();
      createUser(admin, o, "writer", "writer-secret-3", "[" + permission("DATASOURCE", "metrics-kafka", "READ") + ","
          + permission("DATASOURCE", "metrics-.*", "WRITE") + "]");
      createUser(admin, o, "reader", "reader-secret-4", "[" + permission("DATASOURCE", "metrics-kafka", "READ") + "]");
      createUser(admin, o, "stranger", "stranger-secret-5", "[" + permission("DATASOURCE", "other-.*", "READ") + ","
          + permission("DATASOURCE", "other-.*", "WRITE") + "," + permission("STATE", "STATE", "READ") + ","
          + permission("STATE", "STATE", "WRITE") + "]");
      AuthHttp writer = AuthHttp.user("writer", "writer-secret-3");
      AuthHttp reader = AuthHttp.user("reader", "reader-secret-4");
      AuthHttp stranger = AuthHttp.user("stranger", "stranger-secret-5");

      cluster.createTopic("metrics", 1);
      String spec = cluster.seed("supervisor-spec.json")
          .replace("\"taskDuration\": \"PT1H\"", "\"taskDuration\": \"PT1H\", \"useEarliestOffset\": true,"
              + " \"startDelay\": \"PT0S\", \"period\": \"PT1S\"")
          .replace("\"group.id\": \"kafka-indexing-service\"", "\"group.id\": \"kafka-indexing-service\","
              + " \"sasl.jaas.config\": \"org.apache.kafka.common.security.plain.PlainLoginModule required"
              + " username='druid' password='jaas-secret-6';\", \"ssl.truststore.password\": \"truststore-secret-7\","
              + " \"custom.secret.token\": \"token-secret-8\"");

      // Creating the supervisor: 401 without credentials, 403 without DATASOURCE WRITE; nothing created.
      Stream.of(anonymous, stranger, reader).forEach(u -> assertEquals(u == anonymous ? 401 : 403,
          call(() -> u.post(o + SUP, spec)).status(), u.name()));
      assertEquals("[]", admin.get(o + SUP).body());
      assertEquals("{\"id\":\"metrics-kafka\"}", writer.post(o + SUP, spec).body());
      cluster.produce("metrics", Files.readAllLines(TestCluster.SEED.resolve("rows.json"), StandardCharsets.UTF_8),
          null);
      String taskId = AuthHttp.await(() -> admin.get(o + V1 + "/runningTasks"), r -> r.json().size() == 1,
          Duration.ofSeconds(60)).json().get(0).get("id").asText();
      String query = Files.readString(TestCluster.SEED.resolve("search-query.json"), StandardCharsets.UTF_8);
      JsonNode expected = AuthHttp.JSON.readTree(TestCluster.SEED.resolve("search-result.json").toFile());
      AuthHttp.await(() -> reader.post(b + "/druid/v2", query), r -> r.status() == 200 && expected.equals(r.json()),
          Duration.ofSeconds(60));

      // Every endpoint without credentials: 401 with the Basic challenge.
      for (String[] e : endpoints(o, b, taskId, spec)) {
        AuthHttp.Reply r = anonymous.send(e[0], e[1], e[2]);
        assertEquals(401, r.status(), e[0] + " " + e[1]);
        assertEquals(List.of("Basic"), r.challenges(), e[1]);
        assertEquals("Unauthorized", r.json().get("error").asText());
      }
      assertEquals(401, AuthHttp.user("writer", "wrong").get(o + SUP).status());
      assertEquals("true", anonymous.get(o + "/status/health").body(), "health stays unsecured");

      // Refused writes change nothing.
      String before = fingerprint(admin, o, taskId);
      for (AuthHttp u : List.of(stranger, reader)) {
        for (String[] e : endpoints(o, b, taskId, spec)) {
          if (e[3].equals("write")) {
            AuthHttp.Reply r = u.send(e[0], e[1], e[2]);
            assertEquals(403, r.status(), u.name() + " " + e[0] + " " + e[1] + ": " + r.body());
            assertEquals(before, fingerprint(admin, o, taskId), u.name() + " " + e[0] + " " + e[1] + " changed state");
          }
        }
        for (String all : List.of("/suspendAll", "/terminateAll", "/resumeAll")) {
          assertEquals(200, u.post(o + SUP + all, null).status(), all);
          assertEquals(before, fingerprint(admin, o, taskId), u.name() + " " + all + " acted on a supervisor it may not write");
        }
      }

      // Reads: refused, or filtered down to what the caller may see.
      for (String[] e : endpoints(o, b, taskId, spec)) {
        if (e[3].equals("read")) {
          assertEquals(403, stranger.send(e[0], e[1], e[2]).status(), "stranger " + e[1]);
          int status = reader.send(e[0], e[1], e[2]).status();
          assertTrue(status == 200 || status == 503, "reader " + e[1] + ": " + status);
        }
      }
      assertEquals("{\"error\":\"Unauthorized\"}", stranger.get(o + SUP + "/metrics-kafka").body(), "Overlord 403 body");
      JsonNode brokerRefusal = stranger.post(b + "/druid/v2", query).json();
      assertEquals("FORBIDDEN", brokerRefusal.get("category").asText(), "Broker 403 body: " + brokerRefusal);
      assertEquals("Unauthorized", brokerRefusal.get("errorMessage").asText());
      assertEquals("[]", stranger.get(o + SUP).body());
      assertEquals("[]", reader.get(o + SUP).body(), "the list shows supervisors the caller may WRITE");
      assertEquals("[\"metrics-kafka\"]", writer.get(o + SUP).body());
      assertEquals("[]", stranger.get(o + SUP + "?full").body());
      assertEquals("{}", stranger.get(o + SUP + "/history").body());
      assertTrue(reader.get(o + SUP + "/history").json().has("metrics-kafka"));
      assertEquals(404, stranger.get(o + SUP + "/metrics-kafka/history").status());
      for (String list : List.of("/tasks", "/runningTasks", "/completeTasks", "/waitingTasks", "/pendingTasks")) {
        assertEquals("[]", stranger.get(o + V1 + list).body(), list);
      }
      assertEquals(taskId, reader.get(o + V1 + "/runningTasks").json().get(0).get("id").asText());
      assertEquals(taskId, reader.get(o + V1 + "/tasks").json().get(0).get("id").asText());
      assertEquals(403, stranger.get(o + V1 + "/tasks?datasource=metrics-kafka").status());
      assertEquals("[]", stranger.get(b + "/druid/v2/datasources").body());
      assertEquals("[\"metrics-kafka\"]", reader.get(b + "/druid/v2/datasources").body());
      assertEquals(expected, reader.post(b + "/druid/v2", query).json());
      assertEquals(403, reader.get(o + "/status").status(), "STATE READ needed");
      assertEquals(200, stranger.get(o + "/status").status());
      assertEquals(200, stranger.post(o + V1 + "/taskStatus", "[\"" + taskId + "\"]").status(), "STATE WRITE");
      assertEquals(403, reader.post(o + V1 + "/taskStatus", "[\"" + taskId + "\"]").status());
      assertEquals(403, writer.get(o + AUTHN + "/users").status(), "the management API needs CONFIG security");

      // Secrets: masked in every answer, kept in the stored spec, also when a masked spec is posted back.
      JsonNode shown = admin.get(o + SUP + "/metrics-kafka").json().get("spec").get("ioConfig").get("consumerProperties");
      assertEquals("<masked>", shown.get("sasl.jaas.config").asText());
      assertEquals("<masked>", shown.get("ssl.truststore.password").asText());
      assertEquals("<masked>", shown.get("custom.secret.token").asText());
      assertEquals("<masked>", admin.get(o + V1 + "/task/" + taskId).json().get("payload").get("ioConfig")
          .get("consumerProperties").get("sasl.jaas.config").asText());
      String masked = writer.get(o + SUP + "/metrics-kafka").body();
      assertEquals(200, writer.post(o + SUP + "?skipRestartIfUnmodified=true", masked).status());
      assertEquals(before, fingerprint(admin, o, taskId), "posting the spec as read back is no change");
      String stored = latestStoredSpec(tmp, "metrics-kafka");
      assertTrue(stored.contains("jaas-secret-6") && stored.contains("truststore-secret-7"),
          "the metadata store keeps the real values");

      // Authorized writes work.
      assertEquals(200, writer.post(o + SUP + "/metrics-kafka/suspend", null).status());
      AuthHttp.await(() -> reader.get(o + V1 + "/task/" + taskId + "/status"),
          r -> r.json().get("status").get("statusCode").asText().equals("SUCCESS"), Duration.ofSeconds(90));
      assertEquals(expected, reader.post(b + "/druid/v2", query).json(), "served by the Historical");
      assertEquals(200, writer.post(o + SUP + "/metrics-kafka/terminate", null).status());
      assertEquals("[]", admin.get(o + SUP).body());

      for (String body : AuthHttp.BODIES) {
        for (String secret : SECRETS) {
          assertFalse(body.contains(secret), "a response carried a secret: " + body);
        }
      }
      List<String> lines = logs.lines();
      assertFalse(lines.isEmpty(), "logs were captured");
      for (String line : lines) {
        for (String secret : SECRETS) {
          assertFalse(line.contains(secret), "a log line carried a secret: " + line);
        }
      }
    }
  }

  /**
   * {method, url, body, kind}: every endpoint of the Overlord and Broker APIs on supervisor
   * metrics-kafka and its task. "write" endpoints need DATASOURCE WRITE; "read" ones DATASOURCE READ.
   */
  private static List<String[]> endpoints(String o, String b, String taskId, String spec) {
    String resetOffsets = "{\"type\":\"kafka\",\"partitions\":{\"type\":\"end\",\"stream\":\"metrics\","
        + "\"partitionOffsetMap\":{\"0\":0}}}";
    String query = "{\"queryType\":\"timeBoundary\",\"dataSource\":\"metrics-kafka\"}";
    List<String[]> e = new ArrayList<>();
    e.add(new String[] {"POST", o + SUP, spec.replace("\"taskCount\": 1", "\"taskCount\": 2"), "write"});
    for (String p : List.of("", "/status", "/health", "/stats", "/parseErrors")) {
      e.add(new String[] {"GET", o + SUP + "/metrics-kafka" + p, null, "read"});
    }
    for (String p : List.of("/suspend", "/reset", "/terminate", "/shutdown")) {
      e.add(new String[] {"POST", o + SUP + "/metrics-kafka" + p, null, "write"});
    }
    e.add(new String[] {"POST", o + SUP + "/metrics-kafka/resetOffsets", resetOffsets, "write"});
    e.add(new String[] {"POST", o + SUP + "/metrics-kafka/taskGroups/handoff", "{\"taskGroupIds\":[0]}", "write"});
    for (String p : List.of("", "/status", "/reports")) {
      e.add(new String[] {"GET", o + V1 + "/task/" + taskId + p, null, "read"});
    }
    e.add(new String[] {"POST", o + V1 + "/task/" + taskId + "/shutdown", null, "write"});
    e.add(new String[] {"POST", o + V1 + "/datasources/metrics-kafka/shutdownAllTasks", null, "write"});
    e.add(new String[] {"POST", b + "/druid/v2", query, "read"});
    e.add(new String[] {"GET", b + "/druid/v2/datasources/metrics-kafka", null, "read"});
    // Endpoints whose refusal is a filter, not a 403 (checked separately), still need a caller.
    for (String p : List.of(SUP, SUP + "?full", SUP + "?system", SUP + "/history", SUP + "/metrics-kafka/history", V1 + "/tasks",
        V1 + "/runningTasks", V1 + "/completeTasks", V1 + "/waitingTasks", V1 + "/pendingTasks", "/status",
        AUTHN + "/users", AUTHZ + "/roles")) {
      e.add(new String[] {"GET", o + p, null, "list"});
    }
    for (String p : List.of(SUP + "/suspendAll", SUP + "/resumeAll", SUP + "/terminateAll", V1 + "/taskStatus")) {
      e.add(new String[] {"POST", o + p, "[]", "list"});
    }
    e.add(new String[] {"GET", b + "/druid/v2/datasources", null, "list"});
    e.add(new String[] {"GET", b + "/status", null, "list"});
    e.add(new String[] {"DELETE", b + "/druid/v2/some-query", null, "list"});
    return e;
  }

  /** What a refused write could have changed: the spec, suspension, running tasks and history. */
  private static String fingerprint(AuthHttp admin, String o, String taskId) throws Exception {
    JsonNode spec = admin.get(o + SUP + "/metrics-kafka").json();
    JsonNode running = admin.get(o + V1 + "/runningTasks").json();
    List<String> ids = new ArrayList<>();
    running.forEach(t -> ids.add(t.get("id").asText()));
    int versions = admin.get(o + SUP + "/metrics-kafka/history").json().size();
    String status = admin.get(o + V1 + "/task/" + taskId + "/status").json().get("status").get("statusCode").asText();
    return spec + " running=" + ids + " versions=" + versions + " task=" + status;
  }

  private static String latestStoredSpec(Path dir, String id) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:derby:" + dir.resolve("metadata.db"));
         PreparedStatement ps = c.prepareStatement(
             "SELECT payload FROM druid_supervisors WHERE spec_id = ? ORDER BY id DESC")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        return new String(rs.getBytes(1), StandardCharsets.UTF_8);
      }
    }
  }

  @FunctionalInterface
  private interface IoCall {
    AuthHttp.Reply call() throws Exception;
  }

  private static AuthHttp.Reply call(IoCall call) {
    try {
      return call.call();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
