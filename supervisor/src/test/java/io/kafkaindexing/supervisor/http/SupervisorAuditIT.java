package io.kafkaindexing.supervisor.http;

import static io.kafkaindexing.supervisor.http.SupervisorResourceIT.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.inject.Injector;
import io.kafkaindexing.core.audit.LoggingAuditManager;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.guice.Initialization;
import io.kafkaindexing.core.guice.NodeRole;
import io.kafkaindexing.core.lifecycle.Lifecycle;
import io.kafkaindexing.core.server.HttpServer;
import io.kafkaindexing.query.QueryModule;
import java.nio.file.Files;
import java.sql.DatabaseMetaData;
import java.util.Map;
import org.slf4j.LoggerFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.joda.time.DateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Supervisor changes recorded in {@code druid_audit} as Druid records them: a POSTed spec is one
 * row (key = id, type {@code supervisor}, author and comment from the headers, the caller's IP, the
 * request, and the payload naming the supervisor and data sources); an unmodified spec with
 * {@code skipRestartIfUnmodified}, a refused spec, suspend, resume and terminate add none. Real
 * Jetty, Derby and an HTTP client.
 */
class SupervisorAuditIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final String API = "/druid/indexer/v1/supervisor";
  private static final String DERBY = "jdbc:derby:memory:supervisor-audit-it-" + UUID.randomUUID() + ";create=true";
  private static final String SECRET = "hunter2-audit-secret";

  private static String overlord;
  private static Lifecycle lifecycle;

  /** A row of druid_audit. */
  record Row(long id, String key, String type, String author, String comment, String created, String payload) {
    JsonNode json() throws Exception {
      return JSON.readTree(payload);
    }
  }

  @BeforeAll
  static void startServer() throws Exception {
    overlord = SupervisorResourceIT.start(DERBY);
    lifecycle = SupervisorResourceIT.lifecycleForCleanup();
  }

  @AfterAll
  static void stopServer() {
    if (lifecycle != null) {
      lifecycle.stop();
    }
  }

  private static List<Row> rows(String key) throws Exception {
    List<Row> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(DERBY); PreparedStatement ps = c.prepareStatement(
        "SELECT id, audit_key, type, author, comment, created_date, payload FROM druid_audit"
            + " WHERE audit_key = ? ORDER BY id")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), new String(rs.getBytes(7), StandardCharsets.UTF_8)));
        }
      }
    }
    return out;
  }

  private static HttpResponse<String> post(String path, String body, String author, String comment)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(overlord + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (author != null) {
      b.header("X-Druid-Author", author);
    }
    if (comment != null) {
      b.header("X-Druid-Comment", comment);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String specWithSecret(String dataSource, int taskCount) {
    return spec(dataSource, "PT1H", s -> {
      ObjectNode io = (ObjectNode) s.get("ioConfig");
      io.put("taskCount", taskCount);
      ObjectNode consumer = (ObjectNode) io.get("consumerProperties");
      consumer.put("ssl.keystore.password", SECRET);
      consumer.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
          + " username=\"u\" password=\"" + SECRET + "\";");
    });
  }

  @Test
  void postedSpecIsOneRowWithDruidsFields() throws Exception {
    long before = System.currentTimeMillis();
    HttpResponse<String> r = post(API, specWithSecret("audited", 1), "alice", "first version");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("{\"id\":\"audited\"}", r.body());

    List<Row> rows = rows("audited");
    assertEquals(1, rows.size(), rows.toString());
    Row row = rows.get(0);
    assertEquals("supervisor", row.type());
    assertEquals("alice", row.author());
    assertEquals("first version", row.comment());
    long created = DateTime.parse(row.created()).getMillis();
    assertTrue(row.created().endsWith("Z"), row.created());
    assertTrue(created >= before - 1000 && created <= System.currentTimeMillis() + 1000, row.created());

    JsonNode entry = row.json();
    assertEquals("audited", entry.get("key").asText());
    assertEquals("supervisor", entry.get("type").asText());
    assertEquals("alice", entry.get("auditInfo").get("author").asText());
    assertEquals("first version", entry.get("auditInfo").get("comment").asText());
    assertEquals("127.0.0.1", entry.get("auditInfo").get("ip").asText());
    assertEquals("overlord", entry.get("request").get("service").asText());
    assertEquals("POST", entry.get("request").get("method").asText());
    assertEquals(API, entry.get("request").get("uri").asText());
    assertTrue(entry.get("request").get("queryParams").isNull());
    assertEquals("\"Update supervisor[audited] for datasource[[audited]]\"", entry.get("payload").asText());
    assertEquals(row.created(), entry.get("auditTime").asText());
    assertFalse(row.payload().contains(SECRET), "no consumer secret in the audit row: " + row.payload());
  }

  @Test
  void skipRestartIfUnmodifiedAuditsOnlyRealChanges() throws Exception {
    assertEquals(200, post(API, specWithSecret("skips", 1), null, null).statusCode());
    List<Row> first = rows("skips");
    assertEquals(1, first.size());
    assertEquals("", first.get(0).author(), "no header: empty author, as Druid stores it");
    assertEquals("", first.get(0).comment());

    String query = "?skipRestartIfUnmodified=true";
    HttpResponse<String> same = post(API + query, specWithSecret("skips", 1), "bob", "same again");
    assertEquals(200, same.statusCode(), same.body());
    assertEquals(1, rows("skips").size(), "an unmodified spec that is skipped is not audited");

    HttpResponse<String> changed = post(API + query, specWithSecret("skips", 2), "bob", "two tasks");
    assertEquals(200, changed.statusCode(), changed.body());
    List<Row> rows = rows("skips");
    assertEquals(2, rows.size());
    assertEquals("bob", rows.get(1).author());
    assertEquals("two tasks", rows.get(1).comment());
    assertEquals("skipRestartIfUnmodified=true", rows.get(1).json().get("request").get("queryParams").asText());

    assertEquals(200, post(API, specWithSecret("skips", 2), "carol", "restart anyway").statusCode());
    assertEquals(3, rows("skips").size(), "without the flag an identical spec is stored, restarted and audited");
  }

  @Test
  void suspendResumeTerminateAndRefusedSpecsAreNotAudited() throws Exception {
    assertEquals(200, post(API, specWithSecret("lifecycle-audit", 1), "dave", "create").statusCode());
    assertEquals(1, rows("lifecycle-audit").size());
    assertEquals(200, post(API + "/lifecycle-audit/suspend", "", "dave", "pause").statusCode());
    assertEquals(200, post(API + "/lifecycle-audit/resume", "", "dave", "go").statusCode());
    assertEquals(200, post(API + "/lifecycle-audit/terminate", "", "dave", "stop").statusCode());
    assertEquals(1, rows("lifecycle-audit").size(), "Druid audits only POSTed specs");

    String bad = spec("refused", "PT1H", s -> ((ObjectNode) s.get("ioConfig")).put("taskCount", "many"));
    HttpResponse<String> r = post(API, bad, "eve", "bad spec");
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(List.of(), rows("refused"));
  }

  @Test
  void logTypeWritesALineAndNoTable() throws Exception {
    String derby = "jdbc:derby:memory:supervisor-audit-log-it-" + UUID.randomUUID() + ";create=true";
    RuntimeProperties props = new RuntimeProperties(Map.of(
        "druid.server.overlordPort", "0",
        "druid.server.brokerPort", "0",
        "druid.metadata.storage.connector.connectURI", derby,
        "druid.extensions.directory", Files.createTempDirectory("no-extensions").toString(),
        "druid.audit.manager.type", "log"));
    Injector injector = Initialization.makeInjector(props, List.of(new QueryModule()));
    Lifecycle logLifecycle = injector.getInstance(Lifecycle.class);
    Logger logger = (Logger) LoggerFactory.getLogger(LoggingAuditManager.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    logLifecycle.start();
    try {
      String base = "http://127.0.0.1:" + injector.getInstance(HttpServer.class).port(NodeRole.OVERLORD);
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + API))
          .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
          .header("X-Druid-Author", "frank").header("X-Druid-Comment", "logged only")
          .POST(HttpRequest.BodyPublishers.ofString(specWithSecret("logged", 1))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertEquals(1, lines.size(), lines.toString());
      String line = lines.get(0);
      assertTrue(line.contains("author[frank]") && line.contains("comment[logged only]")
          && line.contains("key[logged]") && line.contains("Update supervisor[logged] for datasource[[logged]]"), line);
      assertFalse(line.contains(SECRET), line);
      try (Connection c = DriverManager.getConnection(derby)) {
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(null, null, "DRUID_AUDIT", null)) {
          assertFalse(rs.next(), "no druid_audit table with the log audit manager");
        }
        try (ResultSet rs = md.getTables(null, null, "DRUID_SUPERVISORS", null)) {
          assertTrue(rs.next(), "the other tables are there");
        }
      }
    } finally {
      logger.detachAppender(appender);
      logLifecycle.stop();
    }
  }
}
