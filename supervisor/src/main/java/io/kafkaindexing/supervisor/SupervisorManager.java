package io.kafkaindexing.supervisor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.lifecycle.Managed;
import io.kafkaindexing.supervisor.spec.NoopSupervisorSpec;
import io.kafkaindexing.supervisor.spec.SupervisorSpec;
import io.kafkaindexing.query.metadata.SegmentsTable;
import io.kafkaindexing.supervisor.store.DataSourceMetadataStore;
import io.kafkaindexing.supervisor.store.PendingSegmentsTable;
import io.kafkaindexing.supervisor.store.SupervisorStore;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the supervisors of this Overlord: persists each submitted spec as a new version in the
 * metadata store before running it (a spec that cannot be stored changes nothing), replaces the
 * running supervisor of an updated spec, and restarts every stored spec at start-up.
 * Thread-safe: changes are synchronized; reads see a consistent map.
 */
@Singleton
public final class SupervisorManager implements Managed {
  private static final Logger log = LoggerFactory.getLogger(SupervisorManager.class);

  /** A spec with the supervisor running it. */
  public record Entry(SupervisorSpec spec, Supervisor supervisor) {
  }

  private final SupervisorStore store;
  private final DataSourceMetadataStore dataSourceMetadata;
  private final SegmentsTable segments;
  private final PendingSegmentsTable pendingSegments;
  private final Set<SupervisorFactory> factories;
  private final ObjectMapper mapper;
  /** Guarded by this. */
  private final Map<String, Entry> supervisors = new TreeMap<>();

  @Inject
  public SupervisorManager(SupervisorStore store, DataSourceMetadataStore dataSourceMetadata, SegmentsTable segments,
      PendingSegmentsTable pendingSegments, Set<SupervisorFactory> factories, ObjectMapper mapper) {
    this.store = store;
    this.dataSourceMetadata = dataSourceMetadata;
    this.segments = segments;
    this.pendingSegments = pendingSegments;
    this.factories = factories;
    this.mapper = mapper;
  }

  @Override
  public Stage stage() {
    return Stage.MANAGERS;
  }

  @Override
  public synchronized void start() throws SQLException {
    store.createTable();
    dataSourceMetadata.createTable();
    segments.createTable();
    pendingSegments.createTable();
    for (Map.Entry<String, byte[]> stored : store.latest().entrySet()) {
      SupervisorSpec spec;
      try {
        spec = mapper.readValue(stored.getValue(), SupervisorSpec.class);
      } catch (IOException | RuntimeException e) {
        log.error("Stored spec of supervisor[{}] cannot be read; not starting it", stored.getKey(), e);
        continue;
      }
      if (spec instanceof NoopSupervisorSpec) {
        continue; // terminated
      }
      startSupervisor(spec);
      log.info("Restored supervisor[{}] from the metadata store", spec.getId());
    }
  }

  @Override
  public synchronized void stop() {
    for (Entry entry : supervisors.values()) {
      entry.supervisor().stop(false);
    }
    supervisors.clear();
  }

  /** Whether {@code spec} equals the running spec of its id, so that {@code skipRestartIfUnmodified} skips it. */
  public synchronized boolean isUnmodified(SupervisorSpec spec) {
    Entry existing = supervisors.get(spec.getId());
    return existing != null && existing.spec().equals(spec);
  }

  /**
   * Stores {@code spec} and (re)starts its supervisor. With {@code skipRestartIfUnmodified} an
   * identical running spec is left alone. Returns the supervisor id.
   */
  public synchronized String createOrUpdate(SupervisorSpec spec, boolean skipRestartIfUnmodified) {
    if (skipRestartIfUnmodified && isUnmodified(spec)) {
      return spec.getId();
    }
    Entry existing = supervisors.get(spec.getId());
    factoryFor(spec); // fail before storing if nothing can run it
    try {
      store.insert(spec.getId(), mapper.writeValueAsBytes(spec));
    } catch (JsonProcessingException e) {
      throw DruidException.internal(e, "Cannot serialize the spec of supervisor[%s]: %s", spec.getId(),
          e.getOriginalMessage());
    } catch (SQLException e) {
      throw DruidException.internal(e, "Cannot store the spec of supervisor[%s] in the metadata store: %s",
          spec.getId(), e.getMessage());
    }
    if (existing != null) {
      existing.supervisor().stop(true);
      supervisors.remove(spec.getId());
    }
    startSupervisor(spec);
    return spec.getId();
  }

  private void startSupervisor(SupervisorSpec spec) {
    Supervisor supervisor = factoryFor(spec).create(spec);
    supervisor.start();
    supervisors.put(spec.getId(), new Entry(spec, supervisor));
  }

  private SupervisorFactory factoryFor(SupervisorSpec spec) {
    for (SupervisorFactory f : factories) {
      if (f.handles(spec)) {
        return f;
      }
    }
    throw DruidException.invalidInput("No supervisor can run a spec of class[%s]", spec.getClass().getSimpleName());
  }

  /** Suspends a running supervisor: its tasks stop; returns the stored (suspended) spec. */
  public synchronized SupervisorSpec suspend(String id) {
    SupervisorSpec spec = require(id).spec();
    if (spec.isSuspended()) {
      throw DruidException.invalidInput("[%s] is already suspended", id);
    }
    SupervisorSpec suspended = spec.withSuspended(true);
    createOrUpdate(suspended, false);
    return suspended;
  }

  /** Resumes a suspended supervisor; returns the stored (running) spec. */
  public synchronized SupervisorSpec resume(String id) {
    SupervisorSpec spec = require(id).spec();
    if (!spec.isSuspended()) {
      throw DruidException.invalidInput("[%s] is already running", id);
    }
    SupervisorSpec running = spec.withSuspended(false);
    createOrUpdate(running, false);
    return running;
  }

  /** Suspends every running supervisor (those already suspended are left alone). */
  public synchronized void suspendAll() {
    for (String id : ids()) {
      if (!require(id).spec().isSuspended()) {
        suspend(id);
      }
    }
  }

  /** Resumes every suspended supervisor. */
  public synchronized void resumeAll() {
    for (String id : ids()) {
      if (require(id).spec().isSuspended()) {
        resume(id);
      }
    }
  }

  /**
   * Terminates a supervisor: stores Druid's tombstone as its latest version, stops it and its
   * tasks. A terminated supervisor is not restarted and its id is free for a new spec.
   */
  public synchronized void terminate(String id) {
    Entry entry = require(id);
    NoopSupervisorSpec tombstone = new NoopSupervisorSpec(id, entry.spec().getDataSources());
    try {
      store.insert(id, mapper.writeValueAsBytes(tombstone));
    } catch (JsonProcessingException e) {
      throw DruidException.internal(e, "Cannot serialize the tombstone of supervisor[%s]", id);
    } catch (SQLException e) {
      throw DruidException.internal(e, "Cannot store the tombstone of supervisor[%s] in the metadata store: %s", id,
          e.getMessage());
    }
    entry.supervisor().stop(true);
    supervisors.remove(id);
    log.info("Terminated supervisor[{}]", id);
  }

  public synchronized void terminateAll() {
    for (String id : ids()) {
      terminate(id);
    }
  }

  /** Resets a supervisor's committed offsets (to nothing, or to {@code offsets}) and restarts its tasks. */
  public synchronized void reset(String id, io.kafkaindexing.indexing.kafka.PartitionOffsets offsets) {
    require(id).supervisor().reset(offsets);
  }

  /**
   * Asks a supervisor to hand off the given task groups early (Druid's best-effort early handoff).
   *
   * @throws DruidException 404 if there is no such supervisor, 400 if it has no task groups
   */
  public synchronized void handoffTaskGroupsEarly(String id, List<Integer> taskGroupIds) {
    Entry entry = require(id);
    try {
      entry.supervisor().handoffTaskGroupsEarly(taskGroupIds);
    } catch (UnsupportedOperationException e) {
      throw DruidException.invalidInput("Supervisor[%s] cannot hand off task groups early: %s", id, e.getMessage());
    }
  }

  /** One stored version of a spec, as Druid's history lists it. */
  public record Version(@com.fasterxml.jackson.annotation.JsonProperty("spec") SupervisorSpec spec,
      @com.fasterxml.jackson.annotation.JsonProperty("version") String version) {
  }

  /** Every stored version of every supervisor, newest first, tombstones included. */
  public Map<String, List<Version>> history() {
    try {
      Map<String, List<Version>> out = new TreeMap<>();
      for (Map.Entry<String, List<Map.Entry<String, byte[]>>> e : store.allHistory().entrySet()) {
        out.put(e.getKey(), versions(e.getValue()));
      }
      return out;
    } catch (SQLException e) {
      throw DruidException.internal(e, "Cannot read supervisor history: %s", e.getMessage());
    }
  }

  /** Every stored version of one supervisor, newest first; empty if it never existed. */
  public List<Version> history(String id) {
    try {
      return versions(store.history(id));
    } catch (SQLException e) {
      throw DruidException.internal(e, "Cannot read the history of supervisor[%s]: %s", id, e.getMessage());
    }
  }

  private List<Version> versions(List<Map.Entry<String, byte[]>> stored) {
    List<Version> out = new java.util.ArrayList<>();
    for (Map.Entry<String, byte[]> v : stored) {
      try {
        out.add(new Version(mapper.readValue(v.getValue(), SupervisorSpec.class), v.getKey()));
      } catch (IOException e) {
        log.warn("Skipping an unreadable stored spec version of [{}]", v.getKey(), e);
      }
    }
    return out;
  }

  private Entry require(String id) {
    Entry entry = supervisors.get(id);
    if (entry == null) {
      throw DruidException.notFound("[%s] does not exist", id);
    }
    return entry;
  }

  public synchronized List<String> ids() {
    return List.copyOf(supervisors.keySet());
  }

  public synchronized Optional<Entry> get(String id) {
    return Optional.ofNullable(supervisors.get(id));
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(supervisors.values());
  }
}
