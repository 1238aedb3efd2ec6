package io.kafkaindexing.segment.persisted;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleSumAggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.granularity.Granularity;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.incremental.IncrementalIndexSchema;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.joda.time.Interval;

/** Incremental indexes built from the fixtures' input rows with the fixtures' specs. */
public final class FixtureIndexes {
  public static final Interval SEED_INTERVAL = Interval.parse("2018-03-06T09:00:00Z/2018-03-06T10:00:00Z");
  public static final Interval BENCH_INTERVAL = Interval.parse("2018-03-06T10:00:00Z/2018-03-06T11:00:00Z");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FixtureIndexes() {}

  /** The seed spec: dims url, user; count views; doubleSum latencyMs; granularity none; rollup. */
  public static IncrementalIndexSchema seedSchema(long start) {
    return schema(start, new TimestampSpec("time", "auto", null), Granularities.NONE,
        DimensionsSpec.of(List.of("url", "user")),
        List.of(new CountAggregatorFactory("views"), new DoubleSumAggregatorFactory("latencyMs", "latencyMs", null)));
  }

  static IncrementalIndexSchema schema(long start, TimestampSpec ts, Granularity g, DimensionsSpec dims,
      List<AggregatorFactory> metrics) {
    return IncrementalIndexSchema.builder().minTimestamp(start).timestampSpec(ts).queryGranularity(g)
        .dimensionsSpec(dims).metrics(metrics).rollup(true).build();
  }

  public static IncrementalIndex seed() throws IOException {
    return index(seedSchema(SEED_INTERVAL.getStartMillis()),
        Files.readAllLines(DruidFixtures.root().resolve("metrics-kafka/input-rows.json")));
  }

  /** The 83,333 rows of the bench fixture's hour with the seed spec. */
  public static IncrementalIndex bench() throws IOException {
    Path gz = DruidFixtures.root().resolve("metrics-bench-tc1/input-rows-2018-03-06T10.json.gz");
    List<String> lines = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz));
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null;) {
        lines.add(line);
      }
    }
    return index(seedSchema(BENCH_INTERVAL.getStartMillis()), lines);
  }

  public static IncrementalIndex index(IncrementalIndexSchema schema, List<String> jsonLines) throws IOException {
    IncrementalIndex index = new IncrementalIndex(schema);
    for (String line : jsonLines) {
      if (line.isBlank()) {
        continue;
      }
      Map<String, Object> event = MAPPER.readValue(line, new TypeReference<Map<String, Object>>() {});
      long t = schema.getTimestampSpec().extractTimestamp(event.get(schema.getTimestampSpec().getTimestampColumn()));
      index.add(new MapBasedInputRow(t, new ArrayList<>(event.keySet()), event));
    }
    return index;
  }
}
