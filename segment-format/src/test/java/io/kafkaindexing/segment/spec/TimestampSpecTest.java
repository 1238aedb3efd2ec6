package io.kafkaindexing.segment.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.Test;

/** Druid's timestamp formats, value by value, with the millis Druid produces for them. */
class TimestampSpecTest {
  private static final long T = new DateTime("2018-03-06T09:57:58.123Z", DateTimeZone.UTC).getMillis();

  private static long parse(String format, Object value) {
    return new TimestampSpec("t", format, null).extractTimestamp(value);
  }

  private static void refused(String format, Object value) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(format, value),
        format + " " + value);
    assertTrue(e.getMessage().contains(String.valueOf(value)), e.getMessage());
  }

  @Test
  void auto() {
    assertEquals(T, parse("auto", "2018-03-06T09:57:58.123Z"));
    assertEquals(T, parse("auto", "2018-03-06 09:57:58.123"), "a space separates date and time");
    assertEquals(T, parse("auto", "2018-03-06T10:57:58.123+01:00"));
    assertEquals(T, parse("auto", "2018-03-06T10:57:58.123+0100"));
    assertEquals(T, parse("auto", "\"2018-03-06T09:57:58.123Z\""), "surrounding quotes are removed");
    assertEquals(T - T % 86_400_000L, parse("auto", "2018-03-06"));
    assertEquals(T, parse("auto", T), "numbers are millis");
    assertEquals(T, parse("auto", (double) T));
    assertEquals(T, parse("auto", String.valueOf(T)), "digit strings are millis");
    // A trailing zone id is accepted; as in Druid it does not move the instant.
    assertEquals(T, parse("AUTO", "2018-03-06 09:57:58.123 America/New_York"));
    refused("auto", "yesterday");
    refused("auto", "-1520330278000");
    refused("auto", "");
    refused("auto", true);
  }

  @Test
  void iso() {
    assertEquals(T, parse("iso", "2018-03-06T09:57:58.123Z"));
    assertEquals(T, parse("iso", "2018-03-06T04:57:58.123-05:00"));
    assertEquals(T - T % 86_400_000L, parse("iso", "2018-03-06"));
    refused("iso", "2018-03-06 09:57:58.123");
    refused("iso", T);
  }

  @Test
  void numericFormats() {
    long seconds = T / 1000;
    assertEquals(seconds * 1000, parse("posix", seconds));
    assertEquals(seconds * 1000, parse("posix", String.valueOf(seconds)));
    assertEquals(seconds * 1000, parse("posix", seconds + 0.9), "fractions of numbers are dropped");
    refused("posix", seconds + ".5");
    assertEquals(T, parse("millis", T));
    assertEquals(T, parse("millis", " " + T + " "));
    assertEquals(T, parse("micro", T * 1000 + 999));
    assertEquals(T, parse("nano", String.valueOf(T * 1_000_000 + 999_999)));
    assertEquals(T, parse("ruby", T / 1000.0));
    assertEquals(T, parse("ruby", "1520330278.123"));
    refused("millis", "2018-03-06");
    refused("millis", "");
  }

  @Test
  void jodaPatterns() {
    assertEquals(T, parse("yyyy-MM-dd HH:mm:ss.SSS", "2018-03-06 09:57:58.123"));
    assertEquals(T, parse("dd/MM/yyyy HH:mm:ss.SSS Z", "06/03/2018 10:57:58.123 +0100"));
    assertEquals(new DateTime("2018-03-06T00:00:00Z").getMillis(), parse("yyyyMMdd", 20180306));
    refused("yyyy-MM-dd", "06/03/2018");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TimestampSpec("t", "yyyy-MM-dd qq", null));
    assertTrue(e.getMessage().startsWith("Unable to parse timestamps with format [yyyy-MM-dd qq]"), e.getMessage());
  }

  @Test
  void missingValueOnlyForAbsentOrNull() {
    DateTime missing = new DateTime("2020-01-01T00:00:00Z", DateTimeZone.UTC);
    TimestampSpec spec = new TimestampSpec("t", "auto", missing);
    assertEquals(missing.getMillis(), spec.extractTimestamp(null));
    assertThrows(IllegalArgumentException.class, () -> spec.extractTimestamp(""), "an empty string is not missing");
    assertThrows(IllegalArgumentException.class, () -> new TimestampSpec("t", null, null).extractTimestamp(null));
  }

  @Test
  void jsonDefaultsAndRoundTrip() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    TimestampSpec defaults = mapper.readValue("{}", TimestampSpec.class);
    assertEquals("timestamp", defaults.getTimestampColumn());
    assertEquals("auto", defaults.getTimestampFormat());
    String json = "{\"column\":\"ts\",\"format\":\"posix\",\"missingValue\":null}";
    TimestampSpec spec = mapper.readValue(json, TimestampSpec.class);
    assertEquals(json, mapper.writeValueAsString(spec));
  }
}
