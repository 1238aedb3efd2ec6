package io.kafkaindexing.segment.persisted;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkaindexing.segment.read.SegmentView;
import io.kafkaindexing.segment.tools.SegmentDumper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Views of one persisted segment opened and read by several threads at once see the same rows and bitmaps. */
class PersistedSegmentConcurrencyTest {
  @TempDir
  Path tmp;

  @Test
  void concurrentViewsReadTheSameData() throws Exception {
    try (PersistedSegment segment = PersistedSegment.load(DruidFixtures.unzip(DruidFixtures.RICH_10, tmp).toFile())) {
      String expected = dump(segment);
      ExecutorService pool = Executors.newFixedThreadPool(4, r -> new Thread(r, "segment-reader"));
      try {
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          results.add(pool.submit(() -> dump(segment)));
        }
        for (Future<String> f : results) {
          assertEquals(expected, f.get(60, TimeUnit.SECONDS));
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static String dump(PersistedSegment segment) throws Exception {
    try (SegmentView view = segment.open()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      SegmentDumper.dumpRows(view, false, out);
      SegmentDumper.dumpBitmaps(view, true, out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
