package io.kafkaindexing.segment.persisted;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkaindexing.segment.read.SegmentView;
import io.kafkaindexing.segment.tools.SegmentDumper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our reader on segments written by Apache Druid 33 reproduces Druid's own dump-segment output. */
class DruidSegmentReaderTest {
  @TempDir
  Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {DruidFixtures.SEED, DruidFixtures.RICH_10, DruidFixtures.RICH_11, DruidFixtures.BENCH})
  void rowsMatchDruidDump(String segment) throws Exception {
    try (PersistedSegment s = PersistedSegment.load(DruidFixtures.unzip(segment, tmp.resolve("seg")).toFile());
        SegmentView view = s.open()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      SegmentDumper.dumpRows(view, true, out);
      assertLinesEqual(DruidFixtures.dump(segment, "dump-rows.json"), out.toString(StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DruidFixtures.SEED, DruidFixtures.RICH_10, DruidFixtures.RICH_11, DruidFixtures.BENCH})
  void bitmapsMatchDruidDump(String segment) throws Exception {
    try (PersistedSegment s = PersistedSegment.load(DruidFixtures.unzip(segment, tmp.resolve("seg")).toFile());
        SegmentView view = s.open()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      SegmentDumper.dumpBitmaps(view, true, out);
      assertEquals(DruidFixtures.dump(segment, "dump-bitmaps-decompressed.json"), out.toString(StandardCharsets.UTF_8));
      out.reset();
      SegmentDumper.dumpBitmaps(view, false, out);
      assertEquals(DruidFixtures.dump(segment, "dump-bitmaps.json"), out.toString(StandardCharsets.UTF_8));
    }
  }

  static void assertLinesEqual(String expected, String actual) {
    String[] e = expected.split("\n");
    String[] a = actual.split("\n");
    for (int i = 0; i < Math.min(e.length, a.length); i++) {
      assertEquals(e[i], a[i], "line " + (i + 1));
    }
    assertEquals(e.length, a.length, "number of lines");
  }
}
