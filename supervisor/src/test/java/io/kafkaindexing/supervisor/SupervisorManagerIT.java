package io.kafkaindexing.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.metadata.MetadataStorageConnector;
import io.kafkaindexing.supervisor.kafka.KafkaSupervisorSpec;
import io.kafkaindexing.supervisor.spec.SupervisorSpec;
import io.kafkaindexing.supervisor.store.DataSourceMetadataStore;
import io.kafkaindexing.supervisor.store.StoreDatabases;
import io.kafkaindexing.supervisor.store.SupervisorStore;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The supervisor manager over a real metadata store (embedded Derby). Supervisors are recording
 * stand-ins: what is tested is what the manager stores, starts, stops and restores.
 */
class SupervisorManagerIT {
  private static final ObjectMapper MAPPER = SupervisorTestSupport.mapper();
  private static final String SEED = SupervisorTestSupport.read("seed/supervisor-spec.json");

  /** Records its lifecycle. */
  static final class RecordingSupervisor implements Supervisor {
    final SupervisorSpec spec;
    final List<String> events = new ArrayList<>();

    RecordingSupervisor(SupervisorSpec spec) {
      this.spec = spec;
    }

    @Override
    public void start() {
      events.add("start");
    }

    @Override
    public void stop(boolean stopTasks) {
      events.add("stop(" + stopTasks + ")");
    }

    @Override
    public SupervisorReport status() {
      return new SupervisorReport(spec.getId(), null, null);
    }

    @Override
    public SupervisorStateManager state() {
      return new SupervisorStateManager();
    }

    @Override
    public void reset(io.kafkaindexing.indexing.kafka.PartitionOffsets offsets) {
      events.add("reset(" + offsets + ")");
    }
  }

  /** Runs Kafka specs with recording supervisors, keeping every one it made. */
  static final class RecordingFactory implements SupervisorFactory {
    final List<RecordingSupervisor> made = new ArrayList<>();

    @Override
    public boolean handles(SupervisorSpec spec) {
      return spec instanceof KafkaSupervisorSpec;
    }

    @Override
    public Supervisor create(SupervisorSpec spec) {
      RecordingSupervisor s = new RecordingSupervisor(spec);
      made.add(s);
      return s;
    }
  }

  private MetadataStorageConnector connector;
  private SupervisorStore store;
  private RecordingFactory factory;
  private SupervisorManager manager;

  @BeforeEach
  void start() throws Exception {
    connector = new MetadataStorageConnector(StoreDatabases.derby().config());
    connector.start();
    store = new SupervisorStore(connector);
    factory = new RecordingFactory();
    manager = newManager(Set.of(factory));
    manager.start();
  }

  private SupervisorManager newManager(Set<SupervisorFactory> factories) {
    io.kafkaindexing.query.metadata.SegmentsTable segments =
        new io.kafkaindexing.query.metadata.SegmentsTable(connector, MAPPER);
    return new SupervisorManager(store, new DataSourceMetadataStore(connector, MAPPER), segments,
        new io.kafkaindexing.supervisor.store.PendingSegmentsTable(connector, segments, MAPPER), factories, MAPPER);
  }

  @AfterEach
  void stop() {
    manager.stop();
    connector.stop();
  }

  private static KafkaSupervisorSpec spec(String json) {
    return (KafkaSupervisorSpec) SupervisorTestSupport.parse(MAPPER, json);
  }

  private static String withTaskCount(int n) {
    try {
      ObjectNode tree = (ObjectNode) MAPPER.readTree(SEED);
      ((ObjectNode) tree.get("ioConfig")).put("taskCount", n);
      return MAPPER.writeValueAsString(tree);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void createStoresThenStarts() throws Exception {
    assertEquals("metrics-kafka", manager.createOrUpdate(spec(SEED), false));
    assertEquals(List.of("metrics-kafka"), manager.ids());
    assertEquals(List.of("start"), factory.made.get(0).events);
    assertEquals(spec(SEED), manager.get("metrics-kafka").orElseThrow().spec());
    assertEquals(1, store.history("metrics-kafka").size());
    SupervisorSpec stored = MAPPER.readValue(store.latest().get("metrics-kafka"), SupervisorSpec.class);
    assertEquals(spec(SEED), stored, "the stored payload is the spec's JSON");
    assertTrue(manager.get("nope").isEmpty());
  }

  @Test
  void updateReplacesTheRunningSupervisor() throws Exception {
    manager.createOrUpdate(spec(SEED), false);
    manager.createOrUpdate(spec(withTaskCount(2)), false);
    assertEquals(List.of("start", "stop(true)"), factory.made.get(0).events);
    assertEquals(List.of("start"), factory.made.get(1).events);
    assertEquals(2, ((KafkaSupervisorSpec) manager.get("metrics-kafka").orElseThrow().spec())
        .getIoConfig().getTaskCount());
    assertEquals(2, store.history("metrics-kafka").size());
  }

  @Test
  void unmodifiedSpecIsLeftAloneWhenAsked() throws Exception {
    manager.createOrUpdate(spec(SEED), true);
    manager.createOrUpdate(spec(SEED), true);
    assertEquals(1, factory.made.size(), "not restarted");
    assertEquals(1, store.history("metrics-kafka").size(), "not stored again");
    manager.createOrUpdate(spec(SEED), false);
    assertEquals(2, factory.made.size(), "without the flag the same spec restarts");
    manager.createOrUpdate(spec(withTaskCount(3)), true);
    assertEquals(3, factory.made.size(), "a modified spec restarts even with the flag");
    assertEquals(3, store.history("metrics-kafka").size());
  }

  @Test
  void specNoFactoryRunsIsRefusedAndNotStored() throws Exception {
    SupervisorManager none = newManager(Set.of());
    DruidException e = assertThrows(DruidException.class, () -> none.createOrUpdate(spec(SEED), false));
    assertEquals(400, e.httpStatus());
    assertEquals("No supervisor can run a spec of class[KafkaSupervisorSpec]", e.getMessage());
    assertEquals(List.of(), store.history("metrics-kafka"));
  }

  @Test
  void storeFailureChangesNothing() throws Exception {
    manager.createOrUpdate(spec(SEED), false);
    try (Connection c = connector.connect(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE " + connector.table("supervisors"));
    }
    DruidException e = assertThrows(DruidException.class,
        () -> manager.createOrUpdate(spec(withTaskCount(2)), false));
    assertEquals(500, e.httpStatus());
    assertTrue(e.getMessage().startsWith("Cannot store the spec of supervisor[metrics-kafka] in the metadata store"),
        e.getMessage());
    assertEquals(List.of("start"), factory.made.get(0).events, "the running supervisor keeps running");
    assertEquals(1, factory.made.size());
    assertEquals(spec(SEED), manager.get("metrics-kafka").orElseThrow().spec());
  }

  @Test
  void restartRestoresTheLatestSpecsIncludingSuspension() throws Exception {
    manager.createOrUpdate(spec(SEED), false);
    manager.createOrUpdate(spec(withTaskCount(4)).withSuspended(true), false);
    manager.createOrUpdate(spec(SEED.replace("metrics-kafka", "second")), false);
    manager.stop();
    for (RecordingSupervisor s : factory.made) {
      assertTrue(s.events.get(s.events.size() - 1).startsWith("stop"), s.events.toString());
    }
    assertEquals("stop(false)", factory.made.get(1).events.get(1), "stopping the manager leaves tasks running");
    assertEquals(List.of(), manager.ids());

    RecordingFactory after = new RecordingFactory();
    SupervisorManager restarted = newManager(Set.of(after));
    restarted.start();
    try {
      assertEquals(List.of("metrics-kafka", "second"), restarted.ids());
      SupervisorSpec restored = restarted.get("metrics-kafka").orElseThrow().spec();
      assertEquals(spec(withTaskCount(4)).withSuspended(true), restored);
      assertTrue(restored.isSuspended(), "a suspended supervisor stays suspended across restarts");
      assertEquals(2, after.made.size());
      after.made.forEach(s -> assertEquals(List.of("start"), s.events));
    } finally {
      restarted.stop();
    }
  }

  @Test
  void unreadableStoredSpecIsSkipped() throws Exception {
    manager.createOrUpdate(spec(SEED), false);
    store.insert("broken", "{\"type\":\"nonsense\"}".getBytes(StandardCharsets.UTF_8));
    SupervisorManager restarted = newManager(Set.of(new RecordingFactory()));
    restarted.start();
    try {
      assertEquals(List.of("metrics-kafka"), restarted.ids());
    } finally {
      restarted.stop();
    }
  }

  @Test
  void entriesPairSpecsWithSupervisors() {
    manager.createOrUpdate(spec(SEED), false);
    SupervisorManager.Entry entry = manager.entries().get(0);
    assertSame(factory.made.get(0), entry.supervisor());
    assertFalse(entry.spec().isSuspended());
  }
}
