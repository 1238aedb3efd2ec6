package io.kafkaindexing.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.json.JsonMappers;
import io.kafkaindexing.core.metadata.MetadataStorageConnector;
import io.kafkaindexing.core.metadata.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code <base>_audit} written and read by the sql audit manager on each metadata store. */
class SqlAuditManagerIT {
  private static final ObjectMapper MAPPER = JsonMappers.create(List.of());

  static Stream<TestDatabases.Db> databases() {
    return TestDatabases.all();
  }

  private static AuditEvent event(String key, String type, String author, String comment, Object payload) {
    return new AuditEvent(key, type, new AuditInfo(author, null, comment, "10.1.2.3"),
        new RequestInfo("overlord", "POST", "/druid/indexer/v1/supervisor", "skipRestartIfUnmodified=false"), payload);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void rowsHoldDruidsColumnsAndEntryJson(TestDatabases.Db db) throws Exception {
    db.assumeReachable();
    MetadataStorageConnector connector = new MetadataStorageConnector(db.config());
    connector.start();
    SqlAuditManager manager = new SqlAuditManager(connector, MAPPER, AuditManagerConfig.defaults());
    String table = connector.table("audit");
    try {
      manager.start();
      manager.start(); // idempotent
      long before = System.currentTimeMillis();
      String longComment = "c\u00e9".repeat(1000); // 2000 characters: Druid's column holds 2048
      manager.doAudit(event("metrics-kafka", "supervisor", "alice", "first", "Update supervisor[metrics-kafka]"));
      manager.doAudit(event("other", "supervisor", "bob", longComment, "Update supervisor[other]"));
      manager.doAudit(event("metrics-kafka", "supervisor", "carol", "second", Map.of("n", 2)));
      manager.doAudit(event("metrics-kafka", "rules", "dave", "not a supervisor", "x"));

      List<Map<String, Object>> rows = new ArrayList<>();
      try (Connection c = connector.connect(); PreparedStatement ps = c.prepareStatement(
          "SELECT id, audit_key, type, author, comment, created_date, payload FROM " + table + " ORDER BY id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("id", rs.getLong(1));
          row.put("audit_key", rs.getString(2));
          row.put("type", rs.getString(3));
          row.put("author", rs.getString(4));
          row.put("comment", rs.getString(5));
          row.put("created_date", rs.getString(6));
          row.put("payload", MAPPER.readTree(rs.getBytes(7)));
          rows.add(row);
        }
      }
      assertEquals(4, rows.size());
      assertEquals(List.of("metrics-kafka", "other", "metrics-kafka", "metrics-kafka"),
          rows.stream().map(r -> r.get("audit_key")).toList());
      assertEquals(List.of("alice", "bob", "carol", "dave"), rows.stream().map(r -> r.get("author")).toList());
      assertEquals(longComment, rows.get(1).get("comment"));
      assertTrue((Long) rows.get(0).get("id") < (Long) rows.get(1).get("id"), "auto-increment id");

      Map<String, Object> first = rows.get(0);
      String created = (String) first.get("created_date");
      assertTrue(created.endsWith("Z"), "UTC ISO time: " + created);
      long createdMillis = DateTime.parse(created).getMillis();
      assertTrue(createdMillis >= before - 1000 && createdMillis <= System.currentTimeMillis() + 1000, created);

      JsonNode json = (JsonNode) first.get("payload");
      assertEquals("metrics-kafka", json.get("key").asText());
      assertEquals("supervisor", json.get("type").asText());
      assertEquals("alice", json.get("auditInfo").get("author").asText());
      assertEquals("first", json.get("auditInfo").get("comment").asText());
      assertEquals("10.1.2.3", json.get("auditInfo").get("ip").asText());
      assertTrue(json.get("auditInfo").get("identity").isNull());
      assertEquals("overlord", json.get("request").get("service").asText());
      assertEquals("POST", json.get("request").get("method").asText());
      assertEquals("/druid/indexer/v1/supervisor", json.get("request").get("uri").asText());
      assertEquals("skipRestartIfUnmodified=false", json.get("request").get("queryParams").asText());
      assertEquals("\"Update supervisor[metrics-kafka]\"", json.get("payload").asText(),
          "a string payload is stored as a JSON string, quotes included");
      assertEquals(created, json.get("auditTime").asText(), "created_date is the entry's auditTime");
      assertEquals("{\"n\":2}", ((JsonNode) rows.get(2).get("payload")).get("payload").asText());

      List<AuditEntry> history = manager.fetchAuditHistory("metrics-kafka", "supervisor", (Interval) null);
      assertEquals(List.of("alice", "carol"), history.stream().map(e -> e.auditInfo().author()).toList(),
          "key and type match, oldest first, within the default week");
      assertEquals(new RequestInfo("overlord", "POST", "/druid/indexer/v1/supervisor",
          "skipRestartIfUnmodified=false"), history.get(0).request());
      DateTime now = DateTime.now(DateTimeZone.UTC);
      assertEquals(List.of(), manager.fetchAuditHistory("metrics-kafka", "supervisor",
          new Interval(now.minusDays(30), now.minusDays(1))), "nothing in an interval before the writes");

      assertEquals(List.of("carol", "bob"), manager.fetchAuditHistory(null, "supervisor", 2).stream()
          .map(e -> e.auditInfo().author()).toList(), "newest first, limited");
      assertEquals(List.of("carol", "alice"), manager.fetchAuditHistory("metrics-kafka", "supervisor", 10).stream()
          .map(e -> e.auditInfo().author()).toList());
    } finally {
      try (Connection c = connector.connect(); Statement st = c.createStatement()) {
        st.execute("DROP TABLE " + table);
      }
      connector.stop();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void payloadLimitAndSkipNullField(TestDatabases.Db db) throws Exception {
    db.assumeReachable();
    MetadataStorageConnector connector = new MetadataStorageConnector(db.config());
    connector.start();
    SqlAuditManager manager = new SqlAuditManager(connector, MAPPER,
        new AuditManagerConfig(null, null, "20", true, null));
    try {
      manager.start();
      Map<String, Object> withNull = new LinkedHashMap<>();
      withNull.put("a", 1);
      withNull.put("b", null);
      manager.doAudit(event("k", "t", "x", "", withNull));          // {"a":1} = 7 bytes: kept
      manager.doAudit(event("k", "t", "x", "", "y".repeat(19)));    // 21 bytes with quotes: replaced
      List<AuditEntry> entries = manager.fetchAuditHistory("k", "t", (Interval) null);
      assertEquals("{\"a\":1}", entries.get(0).payload(), "null field left out");
      assertFalse(entries.get(1).payload().contains("yyy"));
      assertTrue(entries.get(1).payload().contains("maxPayloadSizeBytes[20]"), entries.get(1).payload());
    } finally {
      try (Connection c = connector.connect(); Statement st = c.createStatement()) {
        st.execute("DROP TABLE " + connector.table("audit"));
      }
      connector.stop();
    }
  }
}
