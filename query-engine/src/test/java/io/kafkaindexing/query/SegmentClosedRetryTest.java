package io.kafkaindexing.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.timeline.ServerType;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.persisted.PersistedSegment;
import io.kafkaindexing.segment.read.Segment;
import io.kafkaindexing.segment.read.SegmentClosedException;
import io.kafkaindexing.segment.read.SegmentView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.joda.time.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task's copy of a segment closed after a query looked it up (its rows were handed off between
 * the look-up and the read): the query looks the segments up again and counts each row once, from
 * the handed-off copy, instead of failing.
 */
class SegmentClosedRetryTest {
  private static final ObjectMapper MAPPER = QueryTestMapper.create();
  private static final String TOTALS = "{\"queryType\":\"timeseries\",\"dataSource\":\"seed\",\"granularity\":\"all\","
      + "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"views\",\"fieldName\":\"views\"},"
      + "{\"type\":\"doubleSum\",\"name\":\"latencyMs\",\"fieldName\":\"latencyMs\"}],"
      + "\"intervals\":[\"2018-03-06/2018-03-07\"]}";

  @TempDir
  Path tmp;

  @Test
  void aSegmentHandedOffBetweenLookUpAndReadIsReadFromTheHandedOffCopy() throws Exception {
    List<Map<String, Object>> events = SeedData.events(MAPPER);
    SegmentRegistry registry = new SegmentRegistry();
    Map<Long, Segment> taskCopies = persisted(events, tmp.resolve("task"));
    Map<Long, Segment> historicalCopies = persisted(events, tmp.resolve("historical"));
    AtomicInteger handoffs = new AtomicInteger();
    taskCopies.forEach((start, copy) -> {
      SegmentId id = new SegmentId("seed", Granularities.HOUR.bucket(start), "v1", 0);
      registry.announce(id, new HandedOffOnOpen(registry, id, (PersistedSegment) copy,
          historicalCopies.get(start), handoffs));
    });

    JsonNode totals = run(registry, TOTALS).get(0).get("result");

    assertEquals(taskCopies.size(), handoffs.get(), "every task copy was closed under the query");
    assertEquals(events.size(), totals.get("views").asLong());
    double latency = 0;
    for (Map<String, Object> e : events) {
      latency += ((Number) e.get("latencyMs")).doubleValue();
    }
    assertEquals(latency, totals.get("latencyMs").asDouble(), 1e-9);
  }

  @Test
  void aClosedSegmentThatStaysAnnouncedFailsTheQueryAfterSomeLookUps() throws Exception {
    List<Map<String, Object>> events = SeedData.events(MAPPER);
    SegmentRegistry registry = new SegmentRegistry();
    Map<Long, Segment> copies = persisted(events, tmp.resolve("closed"));
    copies.forEach((start, copy) -> {
      ((PersistedSegment) copy).close();
      registry.announce(new SegmentId("seed", Granularities.HOUR.bucket(start), "v1", 0), copy);
    });
    assertThrows(SegmentClosedException.class, () -> run(registry, TOTALS));
  }

  private static Map<Long, Segment> persisted(List<Map<String, Object>> events, Path dir) {
    return SeedData.Form.PERSISTED.of(SeedData.indexBySegment(SeedData.inputRows(events), Granularities.HOUR,
        SeedData::seedSchema), Granularities.HOUR, dir);
  }

  private static JsonNode run(SegmentRegistry registry, String json) throws Exception {
    Query query = JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    return MAPPER.readTree(MAPPER.writeValueAsString(new QueryExecutor(registry).run(query.withId("retry"))));
  }

  /**
   * A task's copy whose handoff completes just as a query opens it, in the order a task follows:
   * the Historical's copy announced, the task's copy unannounced, then closed.
   */
  private record HandedOffOnOpen(SegmentRegistry registry, SegmentId id, PersistedSegment taskCopy,
      Segment historicalCopy, AtomicInteger handoffs) implements Segment {
    @Override
    public Interval getDataInterval() {
      return taskCopy.getDataInterval();
    }

    @Override
    public SegmentView open() {
      registry.announce(id, historicalCopy, ServerType.HISTORICAL);
      registry.unannounce(id, this);
      taskCopy.close();
      handoffs.incrementAndGet();
      return taskCopy.open();
    }
  }
}
