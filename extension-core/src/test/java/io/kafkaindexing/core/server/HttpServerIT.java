package io.kafkaindexing.core.server;

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
import java.io.IOException;
import java.net.ConnectException;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real injector, Jetty and Jersey on free ports, exercised with a real HTTP client. */
class HttpServerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private static Lifecycle lifecycle;
  private static String overlord;
  private static String broker;

  static Injector injector() throws IOException {
    Path extensions = Files.createTempDirectory("no-extensions");
    RuntimeProperties props = new RuntimeProperties(Map.of(
        "druid.server.overlordPort", "0",
        "druid.server.brokerPort", "0",
        "druid.metadata.storage.connector.connectURI", "jdbc:derby:memory:http-it-" + UUID.randomUUID() + ";create=true",
        "druid.extensions.directory", extensions.toString()));
    return Initialization.makeInjector(props, List.of(new TestResources()));
  }

  @BeforeAll
  static void start() throws Exception {
    Injector injector = injector();
    lifecycle = injector.getInstance(Lifecycle.class);
    lifecycle.start();
    HttpServer server = injector.getInstance(HttpServer.class);
    overlord = "http://127.0.0.1:" + server.port(NodeRole.OVERLORD);
    broker = "http://127.0.0.1:" + server.port(NodeRole.BROKER);
    assertFalse(overlord.equals(broker), "each role has its own port");
  }

  @AfterAll
  static void stop() {
    if (lifecycle != null) {
      lifecycle.stop();
    }
  }

  static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void assertJson(HttpResponse<String> r) {
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        "JSON content type: " + r.headers().map());
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void healthIsTrueOnBothPorts() throws Exception {
    for (String base : new String[] {overlord, broker}) {
      HttpResponse<String> r = get(base + "/status/health");
      assertEquals(200, r.statusCode());
      assertEquals("true", r.body());
      assertJson(r);
    }
  }

  @Test
  void statusHasDruidsShape() throws Exception {
    HttpResponse<String> r = get(overlord + "/status");
    assertEquals(200, r.statusCode());
    JsonNode body = JSON.readTree(r.body());
    assertEquals(List.of("version", "modules", "memory"), keys(body));
    assertTrue(body.get("memory").get("maxMemory").asLong() > 0);
  }

  @Test
  void resourcesAreServedOnlyOnTheirRolesPort() throws Exception {
    HttpResponse<String> o = get(overlord + "/test/overlord/hello");
    assertEquals(200, o.statusCode());
    assertEquals("{\"hello\":\"overlord\",\"nested\":{\"a\":1}}", o.body());
    assertEquals(404, get(broker + "/test/overlord/hello").statusCode());

    HttpResponse<String> b = get(broker + "/test/broker/hello");
    assertEquals(200, b.statusCode());
    assertEquals("{\"hello\":\"broker\",\"nested\":{\"a\":1}}", b.body());
    assertEquals(404, get(overlord + "/test/broker/hello").statusCode());
  }

  @Test
  void prettyIndents() throws Exception {
    String compact = get(overlord + "/test/overlord/hello").body();
    String pretty = get(overlord + "/test/overlord/hello?pretty").body();
    assertFalse(compact.contains("\n"));
    assertTrue(pretty.contains("\n  \"hello\" : \"overlord\""), pretty);
    assertEquals(JSON.readTree(compact), JSON.readTree(pretty));
    assertTrue(get(broker + "/test/broker/hello?pretty=true").body().contains("\n"));
  }

  @Test
  void druidExceptionIsTheSimpleShapeOnTheOverlord() throws Exception {
    HttpResponse<String> r = get(overlord + "/test/overlord/fail/invalid");
    assertEquals(400, r.statusCode());
    assertJson(r);
    assertEquals("{\"error\":\"Field[x] is wrong\"}", r.body());

    HttpResponse<String> missing = get(overlord + "/test/overlord/fail/missing");
    assertEquals(404, missing.statusCode());
    assertEquals("{\"error\":\"[nope] does not exist\"}", missing.body());
  }

  @Test
  void druidExceptionIsTheFullShapeOnTheBroker() throws Exception {
    HttpResponse<String> r = get(broker + "/test/broker/fail/invalid");
    assertEquals(400, r.statusCode());
    assertJson(r);
    JsonNode body = JSON.readTree(r.body());
    assertEquals(List.of("error", "errorCode", "persona", "category", "errorMessage", "context", "errorClass", "host"),
        keys(body));
    assertEquals("druidException", body.get("error").asText());
    assertEquals("invalidInput", body.get("errorCode").asText());
    assertEquals("USER", body.get("persona").asText());
    assertEquals("INVALID_INPUT", body.get("category").asText());
    assertEquals("Field[x] is wrong", body.get("errorMessage").asText());
    assertEquals(JSON.readTree("{}"), body.get("context"));
    assertTrue(body.get("host").isNull());
  }

  @Test
  void legacyQueryErrorUsesDruidsCompatOrder() throws Exception {
    HttpResponse<String> r = get(broker + "/test/broker/fail/legacy");
    assertEquals(504, r.statusCode());
    JsonNode body = JSON.readTree(r.body());
    assertEquals(List.of("error", "errorClass", "host", "errorCode", "persona", "category", "errorMessage", "context"),
        keys(body));
    assertEquals("Query timeout", body.get("error").asText());
    assertEquals("legacyQueryException", body.get("errorCode").asText());
    assertEquals("OPERATOR", body.get("persona").asText());
    assertEquals("TIMEOUT", body.get("category").asText());
    assertEquals(List.of("host", "errorClass", "legacyErrorCode"), keys(body.get("context")));
  }

  @Test
  void unexpectedExceptionIs500WithoutDetails() throws Exception {
    HttpResponse<String> o = get(overlord + "/test/overlord/fail/boom");
    assertEquals(500, o.statusCode());
    assertEquals("{\"error\":\"Unhandled exception made it to the top: IllegalStateException\"}", o.body());
    HttpResponse<String> b = get(broker + "/test/broker/fail/boom");
    assertEquals(500, b.statusCode());
    JsonNode body = JSON.readTree(b.body());
    assertEquals("RUNTIME_FAILURE", body.get("category").asText());
    assertFalse(b.body().contains("secret internal detail"), b.body());
    assertFalse(b.body().contains("at io.kafkaindexing"), "no stack trace: " + b.body());
  }

  @Test
  void unknownPathIs404Json() throws Exception {
    HttpResponse<String> o = get(overlord + "/druid/nothing/here");
    assertEquals(404, o.statusCode());
    assertJson(o);
    assertEquals("{\"error\":\"Not Found\"}", o.body());

    HttpResponse<String> b = get(broker + "/druid/nothing/here");
    assertEquals(404, b.statusCode());
    assertJson(b);
    JsonNode body = JSON.readTree(b.body());
    assertEquals("druidException", body.get("error").asText());
    assertEquals("NOT_FOUND", body.get("category").asText());
    assertEquals("notFound", body.get("errorCode").asText());
  }

  @Test
  void wrongMethodIs405Json() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(overlord + "/status/health"))
        .DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(405, r.statusCode());
    assertEquals("{\"error\":\"Method Not Allowed\"}", r.body());
  }

  @Test
  void postBodyReachesTheResource() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(overlord + "/test/overlord/echo"))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("12345")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("{\"bytes\":5}", r.body());
  }

  @Test
  void stoppedServerReleasesItsPorts() throws Exception {
    Injector injector = injector();
    Lifecycle own = injector.getInstance(Lifecycle.class);
    own.start();
    HttpServer server = injector.getInstance(HttpServer.class);
    String base = "http://127.0.0.1:" + server.port(NodeRole.OVERLORD);
    assertEquals("true", get(base + "/status/health").body());
    own.stop();
    assertThrows(ConnectException.class, () -> get(base + "/status/health"));
  }

  @Test
  void portBeforeStartFails() throws Exception {
    HttpServer server = injector().getInstance(HttpServer.class);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> server.port(NodeRole.BROKER));
    assertEquals("HTTP server is not started", e.getMessage());
  }
}
