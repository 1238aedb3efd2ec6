package io.kafkaindexing.segment.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.segment.persisted.DruidFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our dump-segment prints what Druid's prints for the same segment. */
class DumpSegmentTest {
  @TempDir
  Path tmp;

  @Test
  void rowsBitmapsAndMetadataOfTheRichSegment() throws Exception {
    Path dir = DruidFixtures.unzip(DruidFixtures.RICH_10, tmp.resolve("seg"));
    Path rows = tmp.resolve("rows.json");
    assertEquals(0, run("--directory", dir.toString(), "--dump", "rows", "--time-iso8601", "--out", rows.toString()));
    assertEquals(DruidFixtures.dump(DruidFixtures.RICH_10, "dump-rows.json"), Files.readString(rows));
    Path bitmaps = tmp.resolve("bitmaps.json");
    assertEquals(0, run("-d", dir.toString(), "--dump", "bitmaps", "--out", bitmaps.toString()));
    assertEquals(DruidFixtures.dump(DruidFixtures.RICH_10, "dump-bitmaps.json"), Files.readString(bitmaps));
    Path meta = tmp.resolve("meta.json");
    assertEquals(0, run("-d", dir.toString(), "--dump", "metadata", "-o", meta.toString()));
    ObjectMapper mapper = new ObjectMapper();
    JsonNode ours = mapper.readTree(meta.toFile());
    JsonNode druid = mapper.readTree(DruidFixtures.dump(DruidFixtures.RICH_10, "dump-metadata.json"));
    for (String field : new String[] {"intervals", "numRows", "aggregators", "timestampSpec", "queryGranularity",
        "rollup"}) {
      assertEquals(druid.get(field), ours.get(field), field);
    }
    druid.get("columns").properties().forEach(e -> {
      for (String f : new String[] {"typeSignature", "type", "hasMultipleValues", "hasNulls", "cardinality", "minValue",
          "maxValue"}) {
        assertEquals(e.getValue().get(f), ours.get("columns").get(e.getKey()).get(f), e.getKey() + "." + f);
      }
    });
  }

  @Test
  void badArgumentsAndCorruptSegmentsExitWithOne() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errs = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals(1, DumpSegment.run(new String[] {"--dump", "rows"}, System.out, errs));
    assertEquals(1, DumpSegment.run(new String[] {"--directory"}, System.out, errs));
    assertEquals(1, DumpSegment.run(new String[] {"--directory", tmp.toString()}, System.out, errs));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--directory"), err.toString(StandardCharsets.UTF_8));
  }

  private static int run(String... args) {
    return DumpSegment.run(args, System.out, System.err);
  }
}
