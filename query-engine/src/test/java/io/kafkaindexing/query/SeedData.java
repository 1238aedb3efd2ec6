package io.kafkaindexing.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleSumAggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.granularity.Granularity;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.incremental.IncrementalIndexSchema;
import io.kafkaindexing.segment.persisted.PersistedSegment;
import io.kafkaindexing.segment.persisted.SegmentWriter;
import io.kafkaindexing.segment.read.Segment;
import io.kafkaindexing.segment.row.InputRow;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

/** The seed scenario's data (top-level {@code src/test/resources/seed}) and index-building helpers for tests. */
public final class SeedData {
  public static final String DATA_SOURCE = "metrics-kafka";
  public static final TimestampSpec TIMESTAMP_SPEC = new TimestampSpec("time", "auto", null);
  /** The version Druid 33 gave the seed's segment (fixtures/druid33-segments/metrics-kafka), used in segment ids. */
  public static final String SEED_VERSION = "2026-11-26T05:39:58.476Z";

  private SeedData() {}

  public static Path fixturesDir() {
    String dir = System.getProperty("fixtures.dir");
    return Path.of(dir != null ? dir : "../src/test/resources");
  }

  public static String read(String relative) {
    try {
      return Files.readString(fixturesDir().resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The seed rows as parsed JSON objects, one per line of {@code seed/rows.json}. */
  public static List<Map<String, Object>> events(ObjectMapper mapper) {
    List<Map<String, Object>> events = new ArrayList<>();
    for (String line : read("seed/rows.json").split("\n")) {
      if (!line.isBlank()) {
        try {
          events.add(mapper.readValue(line, new TypeReference<Map<String, Object>>() {}));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return events;
  }

  /** The seed's schema for the segment starting at {@code start}: dims url,user; views, latencyMs; none; rollup. */
  public static IncrementalIndexSchema seedSchema(long start) {
    return IncrementalIndexSchema.builder().minTimestamp(start).timestampSpec(TIMESTAMP_SPEC)
        .queryGranularity(Granularities.NONE).dimensionsSpec(DimensionsSpec.of(List.of("url", "user")))
        .metrics(new CountAggregatorFactory("views"), new DoubleSumAggregatorFactory("latencyMs", "latencyMs", null))
        .rollup(true).build();
  }

  /** Input rows from events, times read with {@link #TIMESTAMP_SPEC}, dimensions = every key. */
  public static List<InputRow> inputRows(List<Map<String, Object>> events) {
    List<InputRow> rows = new ArrayList<>();
    for (Map<String, Object> e : events) {
      rows.add(new MapBasedInputRow(TIMESTAMP_SPEC.extractTimestamp(e.get("time")), new ArrayList<>(e.keySet()), e));
    }
    return rows;
  }

  /** One index per segment-granularity bucket, keyed by bucket start. */
  public static Map<Long, IncrementalIndex> indexBySegment(List<InputRow> rows, Granularity segmentGranularity,
      LongFunction<IncrementalIndexSchema> schema) {
    Map<Long, IncrementalIndex> indexes = new TreeMap<>();
    for (InputRow row : rows) {
      long start = segmentGranularity.bucketStart(row.getTimestampFromEpoch());
      indexes.computeIfAbsent(start, s -> new IncrementalIndex(schema.apply(s))).add(row);
    }
    return indexes;
  }

  /** The two forms every query test runs on: the in-memory index and its persisted (memory-mapped) segment. */
  public enum Form {
    IN_MEMORY, PERSISTED;

    /** {@code indexes} in this form; persisted ones are written under {@code tmp}, one folder per bucket. */
    public Map<Long, Segment> of(Map<Long, IncrementalIndex> indexes, Granularity segmentGranularity, Path tmp) {
      Map<Long, Segment> out = new TreeMap<>();
      for (Map.Entry<Long, IncrementalIndex> e : indexes.entrySet()) {
        if (this == IN_MEMORY) {
          out.put(e.getKey(), e.getValue());
          continue;
        }
        try {
          File dir = tmp.resolve("segment-" + e.getKey()).toFile();
          SegmentWriter.persist(e.getValue(), segmentGranularity.bucket(e.getKey()), dir);
          out.put(e.getKey(), PersistedSegment.load(dir));
        } catch (IOException x) {
          throw new UncheckedIOException(x);
        }
      }
      return out;
    }
  }

  /** Announces each index as a version-"v1" segment of {@code dataSource} covering its bucket. */
  public static void announce(SegmentRegistry registry, String dataSource, Granularity segmentGranularity,
      Map<Long, ? extends Segment> indexes) {
    announce(registry, dataSource, segmentGranularity, indexes, "v1");
  }

  public static void announce(SegmentRegistry registry, String dataSource, Granularity segmentGranularity,
      Map<Long, ? extends Segment> indexes, String version) {
    indexes.forEach((start, index) -> registry.announce(
        new SegmentId(dataSource, segmentGranularity.bucket(start), version, 0), index));
  }

  /** A registry serving the seed's rows as Druid 33 served them: hourly in-memory segments of version {@link #SEED_VERSION}. */
  public static SegmentRegistry seedRegistry(ObjectMapper mapper) {
    SegmentRegistry registry = new SegmentRegistry();
    announce(registry, DATA_SOURCE, Granularities.HOUR,
        indexBySegment(inputRows(events(mapper)), Granularities.HOUR, SeedData::seedSchema), SEED_VERSION);
    return registry;
  }
}
