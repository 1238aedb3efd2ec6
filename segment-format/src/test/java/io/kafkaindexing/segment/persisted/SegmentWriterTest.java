package io.kafkaindexing.segment.persisted;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkaindexing.segment.format.ByteCursor;
import io.kafkaindexing.segment.format.IndexDrd;
import io.kafkaindexing.segment.format.MetadataDrd;
import io.kafkaindexing.segment.format.SmooshedFiles;
import io.kafkaindexing.segment.read.SegmentView;
import io.kafkaindexing.segment.tools.SegmentDumper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What we write reads back as Druid wrote it: Druid's segments re-written by our merger, and the seed persisted. */
class SegmentWriterTest {
  @TempDir
  Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {DruidFixtures.SEED, DruidFixtures.RICH_10, DruidFixtures.RICH_11, DruidFixtures.BENCH})
  void rewritingDruidSegmentKeepsRowsBitmapsAndHeaders(String segment) throws Exception {
    Path druid = DruidFixtures.unzip(segment, tmp.resolve("druid"));
    File ours = tmp.resolve("ours").toFile();
    try (PersistedSegment in = PersistedSegment.load(druid.toFile())) {
      SegmentMerger.merge(List.of(in), in.getDataInterval(), ours, null);
    }
    assertSameDumps(segment, ours);
    assertSameEntry(druid.toFile(), ours, IndexDrd.NAME);
    assertSameEntry(druid.toFile(), ours, MetadataDrd.NAME);
    assertArrayEquals(Files.readAllBytes(druid.resolve("version.bin")), Files.readAllBytes(ours.toPath().resolve("version.bin")));
    assertEquals(Files.readString(druid.resolve("factory.json")), Files.readString(ours.toPath().resolve("factory.json")));
  }

  @Test
  void persistedSeedIndexMatchesDruidsSegment() throws Exception {
    File ours = tmp.resolve("ours").toFile();
    SegmentWriter.persist(FixtureIndexes.seed(), FixtureIndexes.SEED_INTERVAL, ours);
    assertSameDumps(DruidFixtures.SEED, ours);
    Path druid = DruidFixtures.unzip(DruidFixtures.SEED, tmp.resolve("druid"));
    assertSameEntry(druid.toFile(), ours, IndexDrd.NAME);
    assertSameEntry(druid.toFile(), ours, MetadataDrd.NAME);
    for (String column : List.of("__time", "url", "user", "views", "latencyMs")) {
      assertEquals(descriptor(druid.toFile(), column), descriptor(ours, column), column);
    }
  }

  static void assertSameDumps(String segment, File ours) throws Exception {
    try (PersistedSegment s = PersistedSegment.load(ours); SegmentView view = s.open()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      SegmentDumper.dumpRows(view, true, out);
      DruidSegmentReaderTest.assertLinesEqual(DruidFixtures.dump(segment, "dump-rows.json"),
          out.toString(StandardCharsets.UTF_8));
      out.reset();
      SegmentDumper.dumpBitmaps(view, true, out);
      assertEquals(DruidFixtures.dump(segment, "dump-bitmaps-decompressed.json"), out.toString(StandardCharsets.UTF_8));
      out.reset();
      SegmentDumper.dumpBitmaps(view, false, out);
      assertEquals(DruidFixtures.dump(segment, "dump-bitmaps.json"), out.toString(StandardCharsets.UTF_8));
    }
  }

  static void assertSameEntry(File expected, File actual, String entry) throws Exception {
    assertEquals(text(expected, entry), text(actual, entry), entry);
  }

  private static String text(File dir, String entry) throws Exception {
    ByteBuffer b = SmooshedFiles.open(dir).entry(entry).buffer();
    byte[] bytes = new byte[b.remaining()];
    b.get(bytes);
    StringBuilder sb = new StringBuilder();
    for (byte x : bytes) {
      sb.append(x >= 32 && x < 127 ? String.valueOf((char) x) : String.format("\\x%02x", x & 0xFF));
    }
    return sb.toString();
  }

  private static String descriptor(File dir, String column) throws Exception {
    ByteCursor c = SmooshedFiles.open(dir).entry(column);
    int length = c.int32();
    return StandardCharsets.UTF_8.decode(c.take(length, "json").buffer()).toString();
  }
}
