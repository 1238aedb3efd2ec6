package io.kafkaindexing.query.historical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.config.JsonConfigProvider;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.query.QueryTestMapper;
import java.io.File;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code druid.historical.*} and {@code druid.segmentCache.*} as runtime properties give them. */
class HistoricalConfigTest {
  private static final ObjectMapper MAPPER = QueryTestMapper.create();

  private static SegmentCacheConfig cache(Map<String, String> props) {
    return JsonConfigProvider.build(new RuntimeProperties(props), MAPPER, "druid.segmentCache", SegmentCacheConfig.class);
  }

  private static HistoricalConfig historical(Map<String, String> props) {
    return JsonConfigProvider.build(new RuntimeProperties(props), MAPPER, "druid.historical", HistoricalConfig.class);
  }

  @Test
  void segmentCacheDefaultsAndDruidsLocationsForm() {
    SegmentCacheConfig defaults = cache(Map.of());
    assertEquals(new File("var/druid/segment-cache"), defaults.location());
    assertEquals(30_000, defaults.dropSegmentDelayMillis());
    assertEquals(new File("/data/cache"), cache(Map.of("druid.segmentCache.locations",
        "[{\"path\":\"/data/cache\",\"maxSize\":\"300g\"}]")).location());
    assertEquals(new File("/data/cache"), cache(Map.of("druid.segmentCache.locations", "/data/cache")).location());
    assertEquals(0, cache(Map.of("druid.segmentCache.dropSegmentDelayMillis", "0")).dropSegmentDelayMillis());
    assertEquals(128L << 20, defaults.decodedColumnCacheBytes());
    assertEquals(0, cache(Map.of("druid.segmentCache.decodedColumnCacheBytes", "0")).decodedColumnCacheBytes());
  }

  @Test
  void segmentCacheRefusesWhatItCannotServeNamingTheProperty() {
    IllegalArgumentException two = assertThrows(IllegalArgumentException.class, () -> cache(Map.of(
        "druid.segmentCache.locations", "[{\"path\":\"/a\"},{\"path\":\"/b\"}]")));
    assertTrue(two.getMessage().contains("Property[druid.segmentCache.locations]"), two.getMessage());
    IllegalArgumentException noPath = assertThrows(IllegalArgumentException.class, () -> cache(Map.of(
        "druid.segmentCache.locations", "[{\"maxSize\":1}]")));
    assertTrue(noPath.getMessage().contains("field[path]"), noPath.getMessage());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> cache(Map.of(
        "druid.segmentCache.dropSegmentDelayMillis", "-1")));
    assertTrue(negative.getMessage().contains("dropSegmentDelayMillis"), negative.getMessage());
    IllegalArgumentException negativeCache = assertThrows(IllegalArgumentException.class, () -> cache(Map.of(
        "druid.segmentCache.decodedColumnCacheBytes", "-1")));
    assertTrue(negativeCache.getMessage().contains("decodedColumnCacheBytes"), negativeCache.getMessage());
  }

  @Test
  void pollPeriodIsAFixedPositivePeriod() {
    assertEquals(Duration.ofSeconds(1), historical(Map.of()).pollPeriod());
    assertEquals(Duration.ofMillis(100), historical(Map.of("druid.historical.pollPeriod", "PT0.1S")).pollPeriod());
    IllegalArgumentException month = assertThrows(IllegalArgumentException.class,
        () -> historical(Map.of("druid.historical.pollPeriod", "P1M")));
    assertTrue(month.getMessage().contains("druid.historical.pollPeriod"), month.getMessage());
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> historical(Map.of("druid.historical.pollPeriod", "PT0S")));
    assertTrue(zero.getMessage().contains("must be positive"), zero.getMessage());
  }
}
