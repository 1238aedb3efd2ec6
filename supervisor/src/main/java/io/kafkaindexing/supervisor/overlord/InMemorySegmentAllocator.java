package io.kafkaindexing.supervisor.overlord;

import com.google.inject.Singleton;
import io.kafkaindexing.indexing.task.SegmentAllocator;
import io.kafkaindexing.segment.SegmentId;
import java.util.HashMap;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;

/**
 * Allocates segment ids per data source and interval: the first allocation of an interval fixes its
 * version (the time of allocation, as Druid's lock version), and each distinct sequence name gets
 * the next partition number, so replicas (same sequence name) get the same id. Kept in memory;
 * the metadata-store version ({@code druid_pendingSegments}) comes with publishing.
 * Thread-safe (synchronized).
 */
@Singleton
public final class InMemorySegmentAllocator implements SegmentAllocator {
  private final Map<String, String> versions = new HashMap<>();
  private final Map<String, Integer> nextPartition = new HashMap<>();
  private final Map<String, SegmentId> bySequence = new HashMap<>();

  @Override
  public synchronized SegmentId allocate(String dataSource, Interval interval, String sequenceName) {
    // Keyed by instants: the same interval in another chronology is the same segment interval.
    String intervalKey = dataSource + "/" + interval.getStartMillis() + "/" + interval.getEndMillis();
    String sequenceKey = intervalKey + "/" + sequenceName;
    SegmentId existing = bySequence.get(sequenceKey);
    if (existing != null) {
      return existing;
    }
    String version = versions.computeIfAbsent(intervalKey, k -> DateTime.now(DateTimeZone.UTC).toString());
    int partition = nextPartition.merge(intervalKey, 1, Integer::sum) - 1;
    SegmentId id = new SegmentId(dataSource, interval, version, partition);
    bySequence.put(sequenceKey, id);
    return id;
  }
}
