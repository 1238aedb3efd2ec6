package io.kafkaindexing.supervisor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.lifecycle.Managed;
import io.kafkaindexing.supervisor.spec.SupervisorSpec;
import io.kafkaindexing.supervisor.store.DataSourceMetadataStore;
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
  private final Set<SupervisorFactory> factories;
  private final ObjectMapper mapper;
  /** Guarded by this. */
  private final Map<String, Entry> supervisors = new TreeMap<>();

  @Inject
  public SupervisorManager(SupervisorStore store, DataSourceMetadataStore dataSourceMetadata,
      Set<SupervisorFactory> factories, ObjectMapper mapper) {
    this.store = store;
    this.dataSourceMetadata = dataSourceMetadata;
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
    for (Map.Entry<String, byte[]> stored : store.latest().entrySet()) {
      SupervisorSpec spec;
      try {
        spec = mapper.readValue(stored.getValue(), SupervisorSpec.class);
      } catch (IOException | RuntimeException e) {
        log.error("Stored spec of supervisor[{}] cannot be read; not starting it", stored.getKey(), e);
        continue;
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

  /**
   * Stores {@code spec} and (re)starts its supervisor. With {@code skipRestartIfUnmodified} an
   * identical running spec is left alone. Returns the supervisor id.
   */
  public synchronized String createOrUpdate(SupervisorSpec spec, boolean skipRestartIfUnmodified) {
    Entry existing = supervisors.get(spec.getId());
    if (skipRestartIfUnmodified && existing != null && existing.spec().equals(spec)) {
      return spec.getId();
    }
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
