package io.kafkaindexing.supervisor.kafka;

import com.google.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The offsets each data source's data starts from, per partition: recorded when a supervisor first
 * resolves them (earliest or latest, per {@code useEarliestOffset}) so that a replacement task or
 * an updated spec starts again from the same place instead of skipping rows. This is the stand-in
 * for committed offsets until tasks publish; it lives in memory. Thread-safe.
 */
@Singleton
public final class StartingOffsets {
  private final Map<String, Map<Integer, Long>> byDataSource = new ConcurrentHashMap<>();

  public Optional<Long> get(String dataSource, int partition) {
    Map<Integer, Long> offsets = byDataSource.get(dataSource);
    return offsets == null ? Optional.empty() : Optional.ofNullable(offsets.get(partition));
  }

  /** Records {@code offset} for a partition unless one is recorded; returns the recorded one. */
  public long putIfAbsent(String dataSource, int partition, long offset) {
    Map<Integer, Long> offsets = byDataSource.computeIfAbsent(dataSource, k -> new ConcurrentHashMap<>());
    Long previous = offsets.putIfAbsent(partition, offset);
    return previous == null ? offset : previous;
  }

  public Map<Integer, Long> all(String dataSource) {
    return new TreeMap<>(byDataSource.getOrDefault(dataSource, Map.of()));
  }
}
