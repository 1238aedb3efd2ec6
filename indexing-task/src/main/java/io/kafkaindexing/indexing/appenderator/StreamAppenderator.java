package io.kafkaindexing.indexing.appenderator;

import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.indexing.task.SegmentAllocator;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.incremental.IncrementalIndexAddResult;
import io.kafkaindexing.segment.incremental.IncrementalIndexSchema;
import io.kafkaindexing.segment.row.InputRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joda.time.Interval;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a task's rows into one {@link Sink} per segment interval ({@code segmentGranularity}
 * bucket), creating the sink on the first row of an interval with an id from the
 * {@link SegmentAllocator} and announcing it so the rows are queryable as soon as they are added.
 * Not thread-safe: used by the task thread only (queries read the announced indexes, which are).
 */
public final class StreamAppenderator implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StreamAppenderator.class);

  private final DataSchema schema;
  private final String sequenceName;
  private final SegmentAllocator allocator;
  private final SegmentRegistry registry;
  private final Map<Long, Sink> sinks = new TreeMap<>();
  private int rowsInMemory;

  public StreamAppenderator(DataSchema schema, String sequenceName, SegmentAllocator allocator,
      SegmentRegistry registry) {
    this.schema = schema;
    this.sequenceName = sequenceName;
    this.allocator = allocator;
    this.registry = registry;
  }

  /**
   * Adds a row to the sink of its interval. The result lists values that could not be stored (kept
   * as null), which makes the row "processed with error" in Druid's counters.
   */
  public IncrementalIndexAddResult add(InputRow row) {
    long bucketStart = schema.getGranularitySpec().getSegmentGranularity().bucketStart(row.getTimestampFromEpoch());
    Sink sink = sinks.get(bucketStart);
    if (sink == null) {
      sink = newSink(schema.getGranularitySpec().getSegmentGranularity().bucket(row.getTimestampFromEpoch()));
      sinks.put(bucketStart, sink);
    }
    int before = sink.index().numRows();
    IncrementalIndexAddResult result = sink.index().add(row);
    rowsInMemory += sink.index().numRows() - before;
    return result;
  }

  private Sink newSink(Interval interval) {
    SegmentId id = allocator.allocate(schema.getDataSource(), interval, sequenceName);
    IncrementalIndex index = new IncrementalIndex(new IncrementalIndexSchema(
        interval.getStartMillis(),
        schema.getTimestampSpec(),
        schema.getGranularitySpec().getQueryGranularity(),
        schema.getDimensionsSpec().withExtraExclusions(new ArrayList<>(schema.metricFields())),
        schema.getMetricsSpec(),
        schema.getGranularitySpec().isRollup()));
    Sink sink = new Sink(id, index);
    registry.announce(id, index);
    log.info("Announced real-time segment[{}]", id);
    return sink;
  }

  public int rowsInMemory() {
    return rowsInMemory;
  }

  public List<SegmentId> segments() {
    List<SegmentId> ids = new ArrayList<>();
    sinks.values().forEach(s -> ids.add(s.id()));
    return ids;
  }

  /** Unannounces every sink: its rows stop being queryable from this task. */
  @Override
  public void close() {
    for (Sink sink : sinks.values()) {
      registry.unannounce(sink.id());
      log.info("Unannounced real-time segment[{}]", sink.id());
    }
    sinks.clear();
    rowsInMemory = 0;
  }
}
