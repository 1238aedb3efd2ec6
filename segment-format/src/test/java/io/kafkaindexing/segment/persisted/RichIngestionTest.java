package io.kafkaindexing.segment.persisted;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleMaxAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleMinAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleSumAggregatorFactory;
import io.kafkaindexing.segment.aggregation.FloatSumAggregatorFactory;
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
 * The rich fixture's input rows ingested with the rich spec (less its hyperUnique metric) and
 * persisted give the rows and bitmaps Druid 33 wrote, unique_users aside: SORTED_ARRAY multi-values,
 * null vs "" strings, long/float/double dimensions, nullable metrics, minute rollup.
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
        new DoubleMaxAggregatorFactory("max_m_double", "m_double", null));
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
      assertEquals(withoutUniqueUsers(DruidFixtures.dump(segment, "dump-rows.json")),
          withoutUniqueUsers(out.toString(StandardCharsets.UTF_8)));
      out.reset();
      SegmentDumper.dumpBitmaps(view, false, out);
      assertEquals(DruidFixtures.dump(segment, "dump-bitmaps.json").replace(",\"unique_users\":null", ""),
          out.toString(StandardCharsets.UTF_8));
    }
  }

  private static List<ObjectNode> withoutUniqueUsers(String rows) throws Exception {
    List<ObjectNode> out = new ArrayList<>();
    for (String line : rows.split("\n")) {
      ObjectNode node = (ObjectNode) MAPPER.readTree(line);
      node.remove("unique_users");
      out.add(node);
    }
    return out;
  }
}
