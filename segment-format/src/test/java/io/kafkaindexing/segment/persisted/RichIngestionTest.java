package io.kafkaindexing.segment.persisted;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
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
import io.kafkaindexing.segment.read.SegmentView;
import io.kafkaindexing.segment.spec.DimensionSchema;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import io.kafkaindexing.segment.spec.TimestampSpec;
import io.kafkaindexing.segment.tools.SegmentDumper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Interval;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rich fixture's input rows ingested with the rich spec and persisted give the rows, bitmaps,
 * index.drd and metadata.drd Druid 33 wrote: SORTED_ARRAY multi-values, null vs "" strings,
 * long/float/double dimensions, nullable metrics, hyperUnique sketches, minute rollup.
 */
class RichIngestionTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path tmp;

  static List<AggregatorFactory> metrics() {
    return List.of(new CountAggregatorFactory("count"), new LongSumAggregatorFactory("sum_m_long", "m_long", null),
        new DoubleSumAggregatorFactory("sum_m_double", "m_double", null),
        new FloatSumAggregatorFactory("sum_m_float", "m_float", null),
        new LongMinAggregatorFactory("min_m_long", "m_long", null),
        new LongMaxAggregatorFactory("max_m_long", "m_long", null),
        new DoubleMinAggregatorFactory("min_m_double", "m_double", null),
        new DoubleMaxAggregatorFactory("max_m_double", "m_double", null),
        new HyperUniquesAggregatorFactory("unique_users", "user_id", null, null));
  }

  static DimensionsSpec dimensions() {
    return new DimensionsSpec(List.of(DimensionSchema.of("country"), DimensionSchema.of("device"),
        new DimensionSchema("tags", "string", DimensionSchema.MultiValueHandling.SORTED_ARRAY, null),
        new DimensionSchema("dim_long", "long", null, null), new DimensionSchema("dim_float", "float", null, null),
        new DimensionSchema("dim_double", "double", null, null)), null, null, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {DruidFixtures.RICH_10, DruidFixtures.RICH_11})
  void richRowsPersistAsDruidWroteThem(String segment) throws Exception {
    Interval interval = Interval.parse(segment.substring(segment.indexOf('/') + 1).replace('_', '/'));
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(DruidFixtures.root().resolve("rich/input-rows.json"))) {
      long t = new TimestampSpec("time", "iso", null).extractTimestamp(MAPPER.readTree(line).get("time").asText());
      if (interval.contains(t)) {
        lines.add(line);
      }
    }
    IncrementalIndex index = FixtureIndexes.index(FixtureIndexes.schema(interval.getStartMillis(),
        new TimestampSpec("time", "iso", null), Granularities.MINUTE, dimensions(), metrics()), lines);
    File dir = SegmentWriter.persist(index, interval, tmp.resolve("ours").toFile());
    try (PersistedSegment s = PersistedSegment.load(dir); SegmentView view = s.open()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      SegmentDumper.dumpRows(view, true, out);
      DruidSegmentReaderTest.assertLinesEqual(DruidFixtures.dump(segment, "dump-rows.json"),
          out.toString(StandardCharsets.UTF_8));
    }
    SegmentWriterTest.assertSameDumps(segment, dir);
    Path druid = DruidFixtures.unzip(segment, tmp.resolve("druid"));
    SegmentWriterTest.assertSameEntry(druid.toFile(), dir, "index.drd");
    SegmentWriterTest.assertSameEntry(druid.toFile(), dir, "metadata.drd");
  }
}
