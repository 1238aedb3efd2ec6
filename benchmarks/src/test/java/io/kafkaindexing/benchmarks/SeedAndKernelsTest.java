package io.kafkaindexing.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryToolkit;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.persisted.PersistedSegment;
import io.kafkaindexing.segment.persisted.SegmentMerger;
import io.kafkaindexing.segment.persisted.SegmentWriter;
import io.kafkaindexing.segment.read.Segment;
import io.kafkaindexing.segment.row.InputRow;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the benchmarks measure does the real work, on a few rows: the seed's rows parse, index,
 * persist and merge without loss, and each per-segment kernel answers correctly (its partial
 * merged by the same engine and serialised as the Broker does) on both kinds of segment.
 */
class SeedAndKernelsTest {
  private static final int ROWS = 2000;

  @TempDir
  Path tmp;

  @Test
  void seedRowsParseIndexPersistAndMergeWithoutLoss() throws Exception {
    DataSchema schema = Seed.dataSchema();
    List<InputRow> rows = Seed.parse(schema, BenchRows.firstHour(ROWS));
    assertEquals(ROWS, rows.size());
    assertEquals(BenchRows.DAY_START_MS, rows.get(0).getTimestampFromEpoch());
    assertEquals(List.of("url", "user"), rows.get(0).getDimensions());

    IncrementalIndex index = Seed.index(schema, rows);
    // Query granularity none and distinct times: rollup keeps every row.
    assertEquals(ROWS, index.numRows());
    File dir = SegmentWriter.persist(index, Seed.HOUR, tmp.resolve("persisted").toFile());
    try (PersistedSegment half1 = PersistedSegment.load(SegmentWriter.persist(Seed.index(schema, rows.subList(0, 1000)),
        Seed.HOUR, tmp.resolve("p0").toFile()));
         PersistedSegment half2 = PersistedSegment.load(SegmentWriter.persist(Seed.index(schema,
             rows.subList(1000, ROWS)), Seed.HOUR, tmp.resolve("p1").toFile()));
         PersistedSegment whole = PersistedSegment.load(dir);
         PersistedSegment merged = PersistedSegment.load(SegmentMerger.merge(List.of(half1, half2), Seed.HOUR,
             tmp.resolve("merged").toFile(), null))) {
      assertEquals(ROWS, whole.getNumRows());
      assertEquals(ROWS, merged.getNumRows());
      assertEquals(List.of("url", "user"), merged.getDimensionNames());
    }
  }

  @Test
  void eachKernelAnswersOnBothKindsOfSegment() throws Exception {
    DataSchema schema = Seed.dataSchema();
    List<byte[]> json = BenchRows.firstHour(ROWS);
    IncrementalIndex index = Seed.index(schema, Seed.parse(schema, json));
    long latencySum = 0;
    long user4242 = 0;
    ObjectMapper mapper = Seed.mapper();
    for (byte[] row : json) {
      JsonNode node = mapper.readTree(row);
      latencySum += node.get("latencyMs").asLong();
      user4242 += node.get("user").asText().contains("user4242") ? 1 : 0;
    }
    try (PersistedSegment persisted = PersistedSegment.load(SegmentWriter.persist(index, Seed.HOUR,
        tmp.resolve("segment").toFile()))) {
      for (Segment segment : List.of(index, persisted)) {
        JsonNode timeseries = answer(mapper, "timeseries", segment);
        assertEquals(1, timeseries.size(), timeseries::toString);
        assertEquals(ROWS, timeseries.get(0).get("result").get("views").asLong());
        assertEquals(latencySum, timeseries.get(0).get("result").get("latencyMs").asLong());

        JsonNode search = answer(mapper, "search", segment);
        long hits = 0;
        for (JsonNode hit : search.get(0).get("result")) {
          hits += hit.get("count").asLong();
        }
        assertEquals(user4242, hits, search::toString);

        JsonNode topN = answer(mapper, "topN", segment).get(0).get("result");
        assertEquals(10, topN.size());
        assertTrue(topN.get(0).get("views").asLong() >= topN.get(9).get("views").asLong());

        JsonNode groupBy = answer(mapper, "groupBy", segment);
        assertEquals(100, groupBy.size());

        JsonNode scan = answer(mapper, "scan", segment);
        long scanned = 0;
        for (JsonNode batch : scan) {
          scanned += batch.get("events").size();
        }
        assertEquals(ROWS, scanned);
      }
    }
  }

  @Test
  void parseBenchmarkParsesEveryRecord() {
    JsonParseBenchmark benchmark = new JsonParseBenchmark();
    benchmark.setUp();
    InputRow last = benchmark.parse();
    assertEquals(JsonParseBenchmark.ROWS, benchmark.parsed());
    assertTrue(Seed.HOUR.contains(last.getTimestampFromEpoch()));
  }

  @Test
  void ingestBenchmarkIndexesEveryRecord() {
    IngestBenchmark benchmark = new IngestBenchmark();
    benchmark.setUp();
    benchmark.emptyIndex();
    // the rows are 36 ms apart: rollup merges none
    assertEquals(IngestBenchmark.ROWS, benchmark.ingest().numRows());
  }

  /** The kernel's partial, merged by its engine and written as the Broker writes answers. */
  private static JsonNode answer(ObjectMapper mapper, String name, Segment segment) {
    Query query = SegmentKernels.query(mapper, name);
    QueryToolkit<?, ?> toolkit = SegmentKernels.toolkitFor(query);
    Object partial = SegmentKernels.runOnSegment(toolkit, query, new SegmentId("metrics-kafka", Seed.HOUR, "v", 0),
        segment);
    return mapper.valueToTree(merge(toolkit, query, partial));
  }

  @SuppressWarnings("unchecked")
  private static <Q extends Query, P> List<?> merge(QueryToolkit<Q, P> toolkit, Query query, Object partial) {
    return toolkit.merge(toolkit.queryClass().cast(query), List.of((P) partial));
  }
}
