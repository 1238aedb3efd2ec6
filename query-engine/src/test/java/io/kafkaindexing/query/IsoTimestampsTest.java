package io.kafkaindexing.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.Test;

/** {@link IsoTimestamps} writes exactly what Joda's {@link DateTime#toString()} writes. */
class IsoTimestampsTest {
  @Test
  void matchesJodaOnRandomAndEdgeTimes() {
    Random random = new Random(42);
    long[] edges = {0L, -1L, 1L, 1520294400000L, 1520294400000L + 3_599_999L, -62_167_219_200_000L,
        -62_167_219_200_001L, 253_402_300_799_999L, 253_402_300_800_000L, Long.MIN_VALUE / 4, Long.MAX_VALUE / 4,
        951_782_400_000L /* 2000-02-29 */, -2_208_988_800_000L /* 1900-01-01 */};
    for (long millis : edges) {
      check(millis);
    }
    for (int i = 0; i < 200_000; i++) {
      check(random.nextLong() % 300_000_000_000_000L);
      check(1_500_000_000_000L + (random.nextLong() % 100_000_000_000L));
    }
  }

  @Test
  void otherZonesAreJodas() {
    DateTime la = new DateTime(1520294400000L, DateTimeZone.forID("America/Los_Angeles"));
    assertEquals(la.toString(), IsoTimestamps.format(la));
    DateTime plus = new DateTime(1520294400000L, DateTimeZone.forOffsetHours(5));
    assertEquals(plus.toString(), IsoTimestamps.format(plus));
  }

  private static void check(long millis) {
    DateTime t = new DateTime(millis, DateTimeZone.UTC);
    assertEquals(t.toString(), IsoTimestamps.format(t), "millis " + millis);
  }
}
