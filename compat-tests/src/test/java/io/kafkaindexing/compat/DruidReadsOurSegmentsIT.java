package io.kafkaindexing.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.persisted.PersistedSegment;
import io.kafkaindexing.segment.persisted.SegmentMerger;
import io.kafkaindexing.segment.persisted.SegmentWriter;
import io.kafkaindexing.segment.read.Segment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache Druid 33's own dump-segment reads the segments we write, and prints exactly what it
 * printed for the segments Druid wrote from the same input rows with the same specs: rows,
 * metadata and bitmaps (the fixtures' dumps).
 */
class DruidReadsOurSegmentsIT {
  @TempDir
  Path tmp;

  @Test
  void seedRowsPersistedByUsReadByDruidAsDruidWroteThem() throws Exception {
    IncrementalIndex index = Fixtures.index(Fixtures.seedSchema(Fixtures.SEED_INTERVAL.getStartMillis()),
        Fixtures.seedRows());
    Path ours = SegmentWriter.persist(index, Fixtures.SEED_INTERVAL, tmp.resolve("seed").toFile()).toPath();
    assertDruidDumpsMatch(Fixtures.SEED, ours, true);
  }

  @Test
  void benchHourPersistedByUsReadByDruidAsDruidWroteIt() throws Exception {
    IncrementalIndex index = Fixtures.index(Fixtures.seedSchema(Fixtures.BENCH_INTERVAL.getStartMillis()),
        Fixtures.benchRows());
    Path ours = SegmentWriter.persist(index, Fixtures.BENCH_INTERVAL, tmp.resolve("bench").toFile()).toPath();
    assertDruidDumpsMatch(Fixtures.BENCH, ours, false);
  }

  @Test
  void benchHourMergedFromPartsReadByDruidAsDruidWroteIt() throws Exception {
    List<String> rows = Fixtures.benchRows();
    List<Segment> parts = new ArrayList<>();
    List<PersistedSegment> toClose = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      IncrementalIndex part = Fixtures.index(Fixtures.seedSchema(Fixtures.BENCH_INTERVAL.getStartMillis()),
          rows.subList(p * rows.size() / 3, (p + 1) * rows.size() / 3));
      if (p == 2) {
        parts.add(part);
      } else {
        PersistedSegment s = PersistedSegment.load(SegmentWriter.persist(part, Fixtures.BENCH_INTERVAL,
            tmp.resolve("part" + p).toFile()));
        toClose.add(s);
        parts.add(s);
      }
    }
    Path merged = SegmentMerger.merge(parts, Fixtures.BENCH_INTERVAL, tmp.resolve("merged").toFile(), null).toPath();
    toClose.forEach(PersistedSegment::close);
    assertDruidDumpsMatch(Fixtures.BENCH, merged, false);
  }

  @Test
  void richRowsIngestedByUsReadByDruidAsDruidWroteThem() throws Exception {
    for (String segment : List.of(Fixtures.RICH_10, Fixtures.RICH_11)) {
      Interval interval = Interval.parse(segment.substring(segment.indexOf('/') + 1).replace('_', '/'));
      IncrementalIndex index = Fixtures.index(Fixtures.richSchema(interval.getStartMillis()),
          Fixtures.richRows(interval));
      Path ours = SegmentWriter.persist(index, interval, tmp.resolve("rich-" + interval.getStart().getHourOfDay())
          .toFile()).toPath();
      assertDruidDumpsMatch(segment, ours, true);
    }
  }

  @Test
  void richSegmentsRewrittenByUsReadByDruidAsDruidWroteThem() throws Exception {
    for (String segment : List.of(Fixtures.RICH_10, Fixtures.RICH_11)) {
      Path druid = Fixtures.unzip(segment, tmp.resolve("druid-" + segment.hashCode()));
      Path ours = tmp.resolve("ours-" + segment.hashCode());
      try (PersistedSegment in = PersistedSegment.load(druid.toFile())) {
        SegmentMerger.merge(List.of(in), in.getDataInterval(), ours.toFile(), null);
      }
      assertDruidDumpsMatch(segment, ours, true);
    }
  }

  private void assertDruidDumpsMatch(String fixture, Path ours, boolean plainBitmaps) throws Exception {
    assertLinesEqual(Fixtures.dump(fixture, "dump-rows.json"),
        DruidDumpSegment.dump(ours, tmp, "--dump", "rows", "--time-iso8601"), fixture + " rows");
    assertEquals(Fixtures.dump(fixture, "dump-metadata.json"), DruidDumpSegment.dump(ours, tmp, "--dump", "metadata"),
        fixture + " metadata");
    assertEquals(Fixtures.dump(fixture, "dump-bitmaps-decompressed.json"),
        DruidDumpSegment.dump(ours, tmp, "--dump", "bitmaps", "--decompress-bitmaps"), fixture + " bitmaps");
    if (plainBitmaps) {
      assertEquals(Fixtures.dump(fixture, "dump-bitmaps.json"), DruidDumpSegment.dump(ours, tmp, "--dump", "bitmaps"),
          fixture + " serialized bitmaps");
    }
  }

  private static void assertLinesEqual(String expected, String actual, String what) {
    String[] e = expected.split("\n");
    String[] a = actual.split("\n");
    for (int i = 0; i < Math.min(e.length, a.length); i++) {
      assertEquals(e[i], a[i], what + " line " + (i + 1));
    }
    assertEquals(e.length, a.length, what + " lines");
  }
}
