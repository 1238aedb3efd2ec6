package io.kafkaindexing.supervisor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.core.metadata.MetadataStorageConnector;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.joda.time.DateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Supervisor spec versions in {@code <base>_supervisors} on each metadata store. */
class SupervisorStoreIT {
  static Stream<StoreDatabases.Db> databases() {
    return StoreDatabases.all();
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String s(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void versionsLatestAndHistory(StoreDatabases.Db db) throws Exception {
    db.assumeReachable();
    MetadataStorageConnector connector = new MetadataStorageConnector(db.config());
    connector.start();
    SupervisorStore store = new SupervisorStore(connector);
    try {
      store.createTable();
      store.createTable(); // idempotent
      assertEquals(Map.of(), store.latest());
      assertEquals(List.of(), store.history("metrics-kafka"));

      store.insert("metrics-kafka", b("{\"v\":1}"));
      store.insert("other", b("{\"o\":1}"));
      store.insert("metrics-kafka", b("{\"v\":2}"));
      store.insert("a-first", b("{\"a\":1}"));
      store.insert("metrics-kafka", b("{\"v\":3}"));

      Map<String, byte[]> latest = store.latest();
      assertEquals(List.of("a-first", "metrics-kafka", "other"), new ArrayList<>(latest.keySet()),
          "one entry per spec id, in id order");
      assertEquals("{\"v\":3}", s(latest.get("metrics-kafka")), "the newest version wins");
      assertEquals("{\"o\":1}", s(latest.get("other")));

      List<Map.Entry<String, byte[]>> history = store.history("metrics-kafka");
      assertEquals(3, history.size());
      assertEquals(List.of("{\"v\":3}", "{\"v\":2}", "{\"v\":1}"),
          history.stream().map(e -> s(e.getValue())).toList(), "newest first");
      for (Map.Entry<String, byte[]> e : history) {
        DateTime created = new DateTime(e.getKey());
        assertTrue(Math.abs(created.getMillis() - System.currentTimeMillis()) < 600_000, e.getKey());
        assertTrue(e.getKey().endsWith("Z"), "UTC ISO time: " + e.getKey());
      }
      assertEquals(1, store.history("other").size());
    } finally {
      try (Connection c = connector.connect(); Statement st = c.createStatement()) {
        st.execute("DROP TABLE " + connector.table("supervisors"));
      }
      connector.stop();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void largePayloadsSurvive(StoreDatabases.Db db) throws Exception {
    db.assumeReachable();
    MetadataStorageConnector connector = new MetadataStorageConnector(db.config());
    connector.start();
    SupervisorStore store = new SupervisorStore(connector);
    try {
      store.createTable();
      String big = "{\"x\":\"" + "\u00e9".repeat(100_000) + "\"}";
      store.insert("big", b(big));
      assertEquals(big, s(store.latest().get("big")));
    } finally {
      try (Connection c = connector.connect(); Statement st = c.createStatement()) {
        st.execute("DROP TABLE " + connector.table("supervisors"));
      }
      connector.stop();
    }
  }
}
