package io.kafkaindexing.supervisor.http;

import static io.kafkaindexing.supervisor.SupervisorTestSupport.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Injector;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.guice.Initialization;
import io.kafkaindexing.core.guice.NodeRole;
import io.kafkaindexing.core.lifecycle.Lifecycle;
import io.kafkaindexing.core.server.HttpServer;
import io.kafkaindexing.query.QueryModule;
import io.kafkaindexing.supervisor.SupervisorTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The supervisor API as a user calls it: the real injector (the extension found by ServiceLoader),
 * Jetty, Derby, and an HTTP client. Specs point at a closed port and, unless a test needs it, start
 * their first run an hour later, so no Kafka is involved.
 */
class SupervisorResourceIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final String API = "/druid/indexer/v1/supervisor";
  private static final String DERBY = "jdbc:derby:memory:supervisor-resource-it-" + UUID.randomUUID() + ";create=true";

  private static Lifecycle lifecycle;
  private static String overlord;

  static String start(String derbyUri) throws Exception {
    Path extensions = Files.createTempDirectory("no-extensions");
    RuntimeProperties props = new RuntimeProperties(Map.of(
        "druid.server.overlordPort", "0",
        "druid.server.brokerPort", "0",
        "druid.metadata.storage.connector.connectURI", derbyUri,
        "druid.extensions.directory", extensions.toString()));
    Injector injector = Initialization.makeInjector(props, List.of(new QueryModule()));
    lifecycle = injector.getInstance(Lifecycle.class);
    lifecycle.start();
    return "http://127.0.0.1:" + injector.getInstance(HttpServer.class).port(NodeRole.OVERLORD);
  }

  /** The lifecycle started by the last {@link #start}, for the caller to stop. */
  static Lifecycle lifecycleForCleanup() {
    Lifecycle started = lifecycle;
    lifecycle = null;
    return started;
  }

  @BeforeAll
  static void startServer() throws Exception {
    overlord = start(DERBY);
  }

  @AfterAll
  static void stopServer() {
    if (lifecycle != null) {
      lifecycle.stop();
    }
  }

  /** The seed spec for {@code dataSource}, reading from a closed port, first run after {@code startDelay}. */
  static String spec(String dataSource, String startDelay, Consumer<ObjectNode> change) {
    try {
      ObjectNode tree = (ObjectNode) JSON.readTree(SupervisorTestSupport.read("seed/supervisor-spec.json"));
      ((ObjectNode) tree.get("dataSchema")).put("dataSource", dataSource);
      ObjectNode io = (ObjectNode) tree.get("ioConfig");
      ((ObjectNode) io.get("consumerProperties")).put("bootstrap.servers", "127.0.0.1:1");
      io.put("startDelay", startDelay);
      change.accept(tree);
      return JSON.writeValueAsString(tree);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static HttpResponse<String> post(String base, String path, String body, String contentType) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String body) throws Exception {
    return post(overlord, API, body, "application/json");
  }

  static HttpResponse<String> get(String base, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static List<String> ids(String base) throws Exception {
    HttpResponse<String> r = get(base, API);
    assertEquals(200, r.statusCode(), r.body());
    List<String> ids = new ArrayList<>();
    JSON.readTree(r.body()).forEach(n -> ids.add(n.asText()));
    return ids;
  }

  @Test
  void literalSeedSpecIs400PointingAtBothMistakes() throws Exception {
    List<String> before = ids(overlord);
    HttpResponse<String> r = post(SupervisorTestSupport.read("seed/supervisor-spec-literal.json"));
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode body = JSON.readTree(r.body());
    assertEquals(List.of("error"), keys(body));
    String message = body.get("error").asText();
    assertTrue(message.startsWith("Invalid JSON in the supervisor spec: "), message);
    assertTrue(message.contains("at line 42, column 5"), "the unquoted replicas: " + message);
    assertTrue(message.contains("at line 43, column 5"), "the missing comma: " + message);
    assertEquals(before, ids(overlord), "nothing stored");
  }

  @Test
  void seedSpecIsAcceptedListedEchoedAndReported() throws Exception {
    String spec = spec("metrics-kafka", "PT1H", s -> { });
    HttpResponse<String> created = post(spec);
    assertEquals(200, created.statusCode(), created.body());
    assertEquals("{\"id\":\"metrics-kafka\"}", created.body());
    assertTrue(ids(overlord).contains("metrics-kafka"));

    HttpResponse<String> echo = get(overlord, API + "/metrics-kafka");
    assertEquals(200, echo.statusCode(), echo.body());
    JsonNode tree = JSON.readTree(echo.body());
    assertEquals(List.of("type", "spec", "dataSchema", "tuningConfig", "ioConfig", "context", "suspended"),
        keys(tree));
    assertEquals("kafka", tree.get("type").asText());
    assertEquals("PT3600S", tree.get("ioConfig").get("taskDuration").asText());
    assertEquals("PT3600S", tree.get("ioConfig").get("startDelay").asText());
    assertEquals(100000, tree.get("tuningConfig").get("maxRowsInMemory").asInt());
    assertEquals("kafka", tree.get("tuningConfig").get("type").asText());
    assertEquals(tree.get("ioConfig"), tree.get("spec").get("ioConfig"));
    assertFalse(tree.get("suspended").asBoolean());

    HttpResponse<String> status = get(overlord, API + "/metrics-kafka/status");
    assertEquals(200, status.statusCode(), status.body());
    JsonNode report = JSON.readTree(status.body());
    assertEquals(List.of("id", "generationTime", "payload"), keys(report));
    assertEquals("metrics-kafka", report.get("id").asText());
    JsonNode payload = report.get("payload");
    assertEquals("metrics-kafka", payload.get("dataSource").asText());
    assertEquals("metrics", payload.get("stream").asText());
    assertEquals(3600, payload.get("durationSeconds").asInt());
    assertEquals(0, payload.get("activeTasks").size());
    assertEquals("PENDING", payload.get("state").asText(), "first run not yet started");
    assertEquals("PENDING", payload.get("detailedState").asText());
    assertTrue(payload.get("healthy").asBoolean());
    assertEquals(0, payload.get("recentErrors").size());

    HttpResponse<String> pretty = get(overlord, API + "/metrics-kafka/status?pretty");
    assertTrue(pretty.body().contains("\n  \"payload\" : {"), pretty.body());
  }

  @Test
  void resubmittingTheSameSpecKeepsItsId() throws Exception {
    String spec = spec("resubmitted", "PT1H", s -> { });
    assertEquals(200, post(spec).statusCode());
    HttpResponse<String> again = post(overlord, API + "?skipRestartIfUnmodified=true", spec, "text/plain");
    assertEquals(200, again.statusCode(), again.body());
    assertEquals("{\"id\":\"resubmitted\"}", again.body());
  }

  @Test
  void invalidSpecIs400NamingTheFieldAndChangesNothing() throws Exception {
    assertEquals(200, post(spec("kept", "PT1H", s -> { })).statusCode());
    String before = get(overlord, API + "/kept").body();

    HttpResponse<String> noTopic = post(spec("kept", "PT1H", s -> ((ObjectNode) s.get("ioConfig")).remove("topic")));
    assertEquals(400, noTopic.statusCode());
    assertEquals("{\"error\":\"ioConfig.topic (or ioConfig.topicPattern) is required\"}", noTopic.body());

    HttpResponse<String> zero = post(spec("kept", "PT1H", s -> ((ObjectNode) s.get("ioConfig")).put("taskCount", 0)));
    assertEquals(400, zero.statusCode());
    assertEquals("{\"error\":\"ioConfig.taskCount must be at least 1, got[0]\"}", zero.body());

    HttpResponse<String> wrongType = post(spec("kept", "PT1H",
        s -> ((ObjectNode) s.get("ioConfig")).put("replicas", "two")));
    assertEquals(400, wrongType.statusCode());
    assertTrue(JSON.readTree(wrongType.body()).get("error").asText()
        .startsWith("Invalid value for field[ioConfig.replicas]"), wrongType.body());

    HttpResponse<String> empty = post("");
    assertEquals(400, empty.statusCode());
    assertEquals("{\"error\":\"Request body is empty: expected a JSON supervisor spec\"}", empty.body());

    assertEquals(before, get(overlord, API + "/kept").body(), "the stored spec is unchanged");
  }

  @Test
  void unknownSupervisorIs404() throws Exception {
    for (String path : List.of("/nope", "/nope/status")) {
      HttpResponse<String> r = get(overlord, API + path);
      assertEquals(404, r.statusCode());
      assertEquals("{\"error\":\"[nope] does not exist\"}", r.body());
    }
  }

  @Test
  void listWithStateAndFull() throws Exception {
    assertEquals(200, post(spec("listed", "PT1H", s -> s.put("suspended", true))).statusCode());
    JsonNode states = JSON.readTree(get(overlord, API + "?state=true").body());
    JsonNode listed = null;
    for (JsonNode n : states) {
      if (n.get("id").asText().equals("listed")) {
        listed = n;
      }
    }
    assertTrue(listed != null, states.toString());
    assertEquals(List.of("id", "state", "detailedState", "healthy", "suspended"), keys(listed));
    assertEquals("SUSPENDED", listed.get("state").asText());
    assertTrue(listed.get("suspended").asBoolean());

    JsonNode full = JSON.readTree(get(overlord, API + "?full").body());
    for (JsonNode n : full) {
      assertEquals(List.of("id", "state", "detailedState", "healthy", "spec", "suspended"), keys(n));
      if (n.get("id").asText().equals("listed")) {
        assertTrue(n.get("spec").get("suspended").asBoolean());
      }
    }
  }

  @Test
  void unreachableKafkaMakesTheSupervisorUnhealthy() throws Exception {
    assertEquals(200, post(spec("no-kafka", "PT0S", s -> ((ObjectNode) s.get("ioConfig")).put("period", "PT1S")))
        .statusCode());
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    JsonNode payload;
    do {
      Thread.sleep(500);
      payload = JSON.readTree(get(overlord, API + "/no-kafka/status").body()).get("payload");
    } while (!payload.get("detailedState").asText().equals("UNABLE_TO_CONNECT_TO_STREAM")
        && System.nanoTime() < deadline);
    assertEquals("UNABLE_TO_CONNECT_TO_STREAM", payload.get("detailedState").asText(), payload.toString());
    assertEquals("UNHEALTHY_SUPERVISOR", payload.get("state").asText());
    assertFalse(payload.get("healthy").asBoolean());
    JsonNode errors = payload.get("recentErrors");
    assertEquals(3, errors.size(), errors.toString());
    assertEquals(List.of("timestamp", "exceptionClass", "message", "streamException"), keys(errors.get(0)));
    assertTrue(errors.get(0).get("streamException").asBoolean());
    assertTrue(errors.get(0).get("message").asText().contains("topic[metrics]"), errors.toString());
  }

  @Test
  void specsSurviveARestart() throws Exception {
    String derby = "jdbc:derby:memory:supervisor-restart-it-" + UUID.randomUUID() + ";create=true";
    Lifecycle shared = lifecycle;
    try {
      String first = start(derby);
      assertEquals(200, post(first, API, spec("durable", "PT1H", s -> s.put("suspended", true)), "application/json")
          .statusCode());
      String echoed = get(first, API + "/durable").body();
      lifecycle.stop();

      String second = start(derby);
      assertEquals(List.of("durable"), ids(second));
      assertEquals(echoed, get(second, API + "/durable").body(), "the same spec, still suspended");
      lifecycle.stop();
    } finally {
      lifecycle = shared;
    }
  }
}
