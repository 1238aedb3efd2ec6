package io.kafkaindexing.indexing.appenderator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.indexing.spec.GranularitySpec;
import io.kafkaindexing.indexing.task.SegmentAllocator;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.query.timeline.TimelineEntry;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongSumAggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.incremental.IncrementalIndexAddResult;
import io.kafkaindexing.segment.read.Segment;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.junit.jupiter.api.Test;

/** The appenderator with a real {@link SegmentRegistry} (what the Broker queries) and an in-memory allocator. */
class StreamAppenderatorTest {
  private static final String DS = "metrics-kafka";

  /** Allocates like the Overlord: one version per interval, one partition per sequence name. */
  static final class MapAllocator implements SegmentAllocator {
    final List<String> calls = new ArrayList<>();
    private final Map<String, SegmentId> ids = new HashMap<>();
    private final Map<Interval, Integer> partitions = new HashMap<>();

    @Override
    public synchronized SegmentId allocate(String dataSource, Interval interval, String sequenceName) {
      calls.add(dataSource + "|" + interval + "|" + sequenceName);
      return ids.computeIfAbsent(interval + sequenceName, k -> new SegmentId(dataSource, interval, "v1",
          partitions.merge(interval, 1, Integer::sum) - 1));
    }
  }

  private static DataSchema schema(boolean rollup, DimensionsSpec dims) {
    return new DataSchema(DS, new TimestampSpec("time", "auto", null), dims,
        List.of(new CountAggregatorFactory("views"), new LongSumAggregatorFactory("latencyMs", "latencyMs", null)),
        new GranularitySpec(null, Granularities.HOUR, Granularities.NONE, rollup, null), null, null);
  }

  private static long t(String iso) {
    return new DateTime(iso, DateTimeZone.UTC).getMillis();
  }

  private static MapBasedInputRow row(String time, String user, long latency) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("time", time);
    event.put("user", user);
    event.put("latencyMs", latency);
    return new MapBasedInputRow(t(time), List.of("user"), event);
  }

  private static Interval hour(String start) {
    return new Interval(t(start), t(start) + 3_600_000L, DateTimeZone.UTC);
  }

  /** The in-memory part of an announced sink (nothing is persisted in these tests). */
  private static IncrementalIndex index(Segment segment) {
    List<Segment> parts = io.kafkaindexing.segment.read.SegmentParts.of(segment);
    assertEquals(1, parts.size(), "only the in-memory part");
    return parts.get(0).as(IncrementalIndex.class);
  }

  @Test
  void oneSinkPerHourAnnouncedOnFirstRowAndUnannouncedOnClose() {
    SegmentRegistry registry = new SegmentRegistry();
    MapAllocator allocator = new MapAllocator();
    StreamAppenderator appenderator = new StreamAppenderator(schema(true, DimensionsSpec.of(List.of("user"))),
        "seq-A", allocator, registry);

    appenderator.add(row("2018-03-06T09:57:58Z", "alice", 32));
    assertEquals(List.of(DS), registry.getDataSources(), "queryable after the first row");
    appenderator.add(row("2018-03-06T09:57:59Z", "bob", 11));
    appenderator.add(row("2018-03-06T10:00:00Z", "bob", 45));
    appenderator.add(row("2018-03-06T09:59:59.999Z", "carol", 1));

    assertEquals(List.of(DS + "|" + hour("2018-03-06T09:00:00Z") + "|seq-A",
        DS + "|" + hour("2018-03-06T10:00:00Z") + "|seq-A"), allocator.calls, "one allocation per new interval");
    SegmentId nine = new SegmentId(DS, hour("2018-03-06T09:00:00Z"), "v1", 0);
    SegmentId ten = new SegmentId(DS, hour("2018-03-06T10:00:00Z"), "v1", 0);
    assertEquals(List.of(nine, ten), appenderator.segments());

    Map<SegmentId, Segment> announced = registry.getSegments(DS);
    assertEquals(java.util.Set.of(nine, ten), announced.keySet());
    assertEquals(3, index(announced.get(nine)).numRows());
    assertEquals(1, index(announced.get(ten)).numRows());
    assertEquals(t("2018-03-06T09:00:00Z"), announced.get(nine).getDataInterval().getStartMillis(),
        "the sink's index starts at the segment interval");
    assertEquals(4, appenderator.rowsInMemory());

    List<TimelineEntry> entries = registry.lookup(DS, List.of(new Interval(t("2018-03-06T00:00:00Z"),
        t("2018-03-07T00:00:00Z"), DateTimeZone.UTC)));
    assertEquals(List.of(nine, ten), entries.stream().map(TimelineEntry::id).toList());
    assertSame(announced.get(nine), entries.get(0).segment());

    appenderator.close();
    assertEquals(List.of(), registry.getDataSources(), "closed: nothing of this task is queryable");
    assertEquals(Map.of(), registry.getSegments(DS));
    assertEquals(List.of(), appenderator.segments());
    assertEquals(0, appenderator.rowsInMemory());
  }

  @Test
  void rollupMergesEqualRowsAndCountsStoredRows() {
    SegmentRegistry registry = new SegmentRegistry();
    StreamAppenderator appenderator = new StreamAppenderator(new DataSchema(DS, new TimestampSpec("time", null, null),
        DimensionsSpec.of(List.of("user")), List.of(new CountAggregatorFactory("views")),
        new GranularitySpec(null, Granularities.HOUR, Granularities.MINUTE, true, null), null, null),
        "s", new MapAllocator(), registry);
    appenderator.add(row("2018-03-06T09:57:01Z", "bob", 1));
    appenderator.add(row("2018-03-06T09:57:59Z", "bob", 2));
    appenderator.add(row("2018-03-06T09:58:00Z", "bob", 3));
    assertEquals(2, appenderator.rowsInMemory(), "two minute buckets for bob");
    assertEquals(2, index(registry.getSegments(DS).values().iterator().next()).numRows());
  }

  @Test
  void withoutRollupEveryRowIsKept() {
    SegmentRegistry registry = new SegmentRegistry();
    StreamAppenderator appenderator = new StreamAppenderator(schema(false, DimensionsSpec.of(List.of("user"))), "s",
        new MapAllocator(), registry);
    appenderator.add(row("2018-03-06T09:57:58Z", "bob", 1));
    appenderator.add(row("2018-03-06T09:57:58Z", "bob", 1));
    assertEquals(2, appenderator.rowsInMemory());
  }

  @Test
  void schemalessSinksDoNotTurnMetricInputsIntoDimensions() {
    SegmentRegistry registry = new SegmentRegistry();
    StreamAppenderator appenderator = new StreamAppenderator(schema(true, new DimensionsSpec(null, null, null, null)),
        "s", new MapAllocator(), registry);
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("time", "2018-03-06T09:57:58Z");
    event.put("user", "bob");
    event.put("latencyMs", 5);
    event.put("url", "/");
    appenderator.add(new MapBasedInputRow(t("2018-03-06T09:57:58Z"), List.of("time", "user", "latencyMs", "url"),
        event));
    IncrementalIndex index = index(registry.getSegments(DS).values().iterator().next());
    assertEquals(List.of("user", "url"), index.getDimensionNames());
    assertEquals(List.of("views", "latencyMs"), index.getMetricNames());
  }

  @Test
  void replicasWithTheSameSequenceShareSegmentIds() {
    MapAllocator allocator = new MapAllocator();
    SegmentRegistry registryA = new SegmentRegistry();
    SegmentRegistry registryB = new SegmentRegistry();
    StreamAppenderator a = new StreamAppenderator(schema(true, DimensionsSpec.of(List.of("user"))), "seq", allocator,
        registryA);
    StreamAppenderator b = new StreamAppenderator(schema(true, DimensionsSpec.of(List.of("user"))), "seq", allocator,
        registryB);
    StreamAppenderator other = new StreamAppenderator(schema(true, DimensionsSpec.of(List.of("user"))), "other",
        allocator, new SegmentRegistry());
    a.add(row("2018-03-06T09:57:58Z", "bob", 1));
    b.add(row("2018-03-06T09:10:00Z", "bob", 1));
    other.add(row("2018-03-06T09:10:00Z", "bob", 1));
    assertEquals(a.segments(), b.segments());
    assertEquals(1, other.segments().get(0).partitionNum(), "another sequence writes the next partition");
  }

  @Test
  void closingOneTaskLeavesAnothersSegmentsQueryable() {
    SegmentRegistry registry = new SegmentRegistry();
    MapAllocator allocator = new MapAllocator();
    StreamAppenderator first = new StreamAppenderator(schema(true, DimensionsSpec.of(List.of("user"))), "one",
        allocator, registry);
    StreamAppenderator second = new StreamAppenderator(schema(true, DimensionsSpec.of(List.of("user"))), "two",
        allocator, registry);
    first.add(row("2018-03-06T09:57:58Z", "bob", 1));
    second.add(row("2018-03-06T09:57:58Z", "alice", 1));
    assertEquals(2, registry.getSegments(DS).size());
    first.close();
    assertEquals(second.segments(), new ArrayList<>(registry.getSegments(DS).keySet()));
  }

  @Test
  void valuesThatCannotBeStoredAreReported() {
    SegmentRegistry registry = new SegmentRegistry();
    StreamAppenderator appenderator = new StreamAppenderator(schema(true, new DimensionsSpec(
        List.of(new io.kafkaindexing.segment.spec.DimensionSchema("count", "long", null, null)), null, null, null)),
        "s", new MapAllocator(), registry);
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("count", "not a number");
    IncrementalIndexAddResult result = appenderator.add(new MapBasedInputRow(t("2018-03-06T09:00:00Z"),
        List.of("count"), event));
    assertTrue(result.hasParseErrors(), String.valueOf(result));
    IncrementalIndexAddResult ok = appenderator.add(row("2018-03-06T09:00:00Z", "x", 1));
    assertFalse(ok.hasParseErrors());
  }

  @Test
  void allocatorFailureAddsNothing() {
    SegmentRegistry registry = new SegmentRegistry();
    StreamAppenderator appenderator = new StreamAppenderator(schema(true, DimensionsSpec.of(List.of("user"))), "s",
        (ds, interval, seq) -> {
          throw new IllegalStateException("overlord unavailable");
        }, registry);
    assertThrows(IllegalStateException.class, () -> appenderator.add(row("2018-03-06T09:00:00Z", "x", 1)));
    assertEquals(List.of(), registry.getDataSources());
    assertEquals(List.of(), appenderator.segments());
  }
}
