package io.kafkaindexing.supervisor.kafka;

import com.google.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The task groups of each data source that finished reading and are publishing (Druid's "pending
 * completion" groups). Kept per process rather than per supervisor so that a replaced, suspended
 * or terminated supervisor's publishing groups are known to its successor, which starts reading
 * where they end. Thread-safe.
 */
@Singleton
public final class PublishingGroups {
  private final Map<String, List<TaskGroup>> byDataSource = new ConcurrentHashMap<>();

  List<TaskGroup> of(String dataSource) {
    return byDataSource.computeIfAbsent(dataSource, k -> new CopyOnWriteArrayList<>());
  }
}
