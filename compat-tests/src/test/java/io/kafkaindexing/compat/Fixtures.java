package io.kafkaindexing.compat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleMaxAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleMinAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleSumAggregatorFactory;
import io.kafkaindexing.segment.aggregation.FloatSumAggregatorFactory;
import io.kafkaindexing.segment.aggregation.HyperUniquesAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongMaxAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongMinAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongSumAggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.incremental.IncrementalIndexSchema;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import io.kafkaindexing.segment.spec.DimensionSchema;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.joda.time.Interval;

/** The Druid 33 fixtures of src/test/resources/druid33-segments: segments, their dumps and their input rows. */
final class Fixtures {
  static final String SEED = "metrics-kafka/2018-03-06T09:00:00.000Z_2018-03-06T10:00:00.000Z";
  static final String RICH_10 = "rich/2018-03-06T10:00:00.000Z_2018-03-06T11:00:00.000Z";
  static final String RICH_11 = "rich/2018-03-06T11:00:00.000Z_2018-03-06T12:00:00.000Z";
  static final String BENCH = "metrics-bench-tc1/2018-03-06T10:00:00.000Z_2018-03-06T11:00:00.000Z";
  static final Interval SEED_INTERVAL = Interval.parse("2018-03-06T09:00:00Z/2018-03-06T10:00:00Z");
  static final Interval BENCH_INTERVAL = Interval.parse("2018-03-06T10:00:00Z/2018-03-06T11:00:00Z");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Fixtures() {}

  static Path root() {
    Path root = Path.of(System.getProperty("druid33.fixtures", "../src/test/resources/druid33-segments"));
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("Druid 33 fixtures not found at " + root.toAbsolutePath());
    }
    return root;
  }

  static Path segmentDir(String segment) {
    try (Stream<Path> s = Files.walk(root().resolve(segment))) {
      return s.filter(p -> p.getFileName().toString().equals("index.zip")).findFirst().orElseThrow().getParent();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path unzip(String segment, Path target) throws IOException {
    Files.createDirectories(target);
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(segmentDir(segment).resolve("index.zip")))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
        Files.copy(zip, target.resolve(e.getName()));
      }
    }
    return target;
  }

  static String dump(String segment, String name) throws IOException {
    Path dir = segmentDir(segment);
    if (Files.exists(dir.resolve(name))) {
      return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve(name + ".gz")))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The seed's spec (metrics-kafka and metrics-bench-tc1) for a segment starting at {@code start}. */
  static IncrementalIndexSchema seedSchema(long start) {
    return IncrementalIndexSchema.builder().minTimestamp(start).timestampSpec(new TimestampSpec("time", "auto", null))
        .queryGranularity(Granularities.NONE).dimensionsSpec(DimensionsSpec.of(List.of("url", "user")))
        .metrics(new CountAggregatorFactory("views"), new DoubleSumAggregatorFactory("latencyMs", "latencyMs", null))
        .rollup(true).build();
  }

  /** The rich spec (all six dimensions, nine metrics, minute granularity) for a segment starting at {@code start}. */
  static IncrementalIndexSchema richSchema(long start) {
    DimensionsSpec dims = new DimensionsSpec(List.of(DimensionSchema.of("country"), DimensionSchema.of("device"),
        new DimensionSchema("tags", "string", DimensionSchema.MultiValueHandling.SORTED_ARRAY, null),
        new DimensionSchema("dim_long", "long", null, null), new DimensionSchema("dim_float", "float", null, null),
        new DimensionSchema("dim_double", "double", null, null)), null, null, null);
    return IncrementalIndexSchema.builder().minTimestamp(start).timestampSpec(new TimestampSpec("time", "iso", null))
        .queryGranularity(Granularities.MINUTE).dimensionsSpec(dims).rollup(true)
        .metrics(new CountAggregatorFactory("count"), new LongSumAggregatorFactory("sum_m_long", "m_long", null),
            new DoubleSumAggregatorFactory("sum_m_double", "m_double", null),
            new FloatSumAggregatorFactory("sum_m_float", "m_float", null),
            new LongMinAggregatorFactory("min_m_long", "m_long", null),
            new LongMaxAggregatorFactory("max_m_long", "m_long", null),
            new DoubleMinAggregatorFactory("min_m_double", "m_double", null),
            new DoubleMaxAggregatorFactory("max_m_double", "m_double", null),
            new HyperUniquesAggregatorFactory("unique_users", "user_id", null, null))
        .build();
  }

  /** The rich input rows whose time falls in {@code interval}. */
  static List<String> richRows(Interval interval) throws IOException {
    List<String> out = new ArrayList<>();
    TimestampSpec ts = new TimestampSpec("time", "iso", null);
    for (String line : Files.readAllLines(root().resolve("rich/input-rows.json"))) {
      if (!line.isBlank() && interval.contains(ts.extractTimestamp(MAPPER.readTree(line).get("time").asText()))) {
        out.add(line);
      }
    }
    return out;
  }

  static List<String> seedRows() throws IOException {
    return Files.readAllLines(root().resolve("metrics-kafka/input-rows.json"));
  }

  static List<String> benchRows() throws IOException {
    Path gz = root().resolve("metrics-bench-tc1/input-rows-2018-03-06T10.json.gz");
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)),
        StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null;) {
        lines.add(line);
      }
    }
    return lines;
  }

  static IncrementalIndex index(IncrementalIndexSchema schema, List<String> lines) throws IOException {
    IncrementalIndex index = new IncrementalIndex(schema);
    for (String line : lines) {
      if (!line.isBlank()) {
        Map<String, Object> e = MAPPER.readValue(line, new TypeReference<Map<String, Object>>() {});
        long t = schema.getTimestampSpec().extractTimestamp(e.get("time"));
        index.add(new MapBasedInputRow(t, new ArrayList<>(e.keySet()), e));
      }
    }
    return index;
  }
}
