package io.kafkaindexing.segment.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ISO fast path against Joda-Time (the {@code auto} and {@code iso} formats parsed by Joda
 * alone): wherever the fast path answers, Joda must give the same millis; wherever Joda fails, the
 * fast path must not answer; and the common shapes must actually take the fast path.
 */
class IsoTimestampsTest {
  private static final String[] SEPARATORS = {"T", " ", "t", "_", ""};
  private static final String[] OFFSETS = {"", "Z", "z", "+01:00", "-05:30", "+0100", "-0530", "+01", "-12",
      "+23:59", "-23:59", "+24:00", "+01:60", "+1", "+01:0", "+01:00:00", "+01:00Z", "Z ", "+00:00", "-00:00"};

  @Test
  void commonShapesTakeTheFastPathAndEqualJoda() {
    for (String s : List.of("2018-03-06T09:57:58Z", "2018-03-06T09:57:58.123Z", "2018-03-06T00:00:00.000Z",
        "2018-03-06 09:57:58", "2018-03-06T09:57:58+01:00", "2018-03-06T09:57:58.5-0530", "2018-03-06",
        "2018-03-06T09:57:58,123456789Z", "2016-02-29T23:59:59.999+23", "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z", "1600-02-29T12:00:00Z")) {
      long fast = IsoTimestamps.parse(s, true);
      assertTrue(fast != IsoTimestamps.NOT_HANDLED, s);
      assertEquals(TimestampParser.autoWithJoda(s), fast, s);
      assertEquals(fast, TimestampParser.forFormat("auto").parse(s), s);
    }
    assertEquals(1520330278000L, IsoTimestamps.parse("2018-03-06T09:57:58Z", false));
  }

  @Test
  void unusualShapesAreLeftToJoda() {
    for (String s : List.of("2018-03-06T24:00:00Z", "2018-02-29T00:00:00Z", "2018-13-01T00:00:00Z",
        "2018-03-06T09:57Z", "2018-03-06T09", " 2018-03-06T09:57:58Z", "\"2018-03-06T09:57:58Z\"",
        "+2018-03-06T09:57:58Z", "20180306T095758Z", "2018-03-06T09:57:58.Z", "2018-03-06T09:57:58.1234567890Z",
        "2018-03-06T09:57:58z", "2018-03-06T09:57:58 America/New_York", "2018-03-06T09:57:60Z",
        "2018-3-06T09:57:58Z", "2018-03-06T")) {
      assertEquals(IsoTimestamps.NOT_HANDLED, IsoTimestamps.parse(s, true), s);
    }
    assertEquals(IsoTimestamps.NOT_HANDLED, IsoTimestamps.parse("2018-03-06 09:57:58", false));
  }

  @Test
  void randomInputsEqualJodaForAutoAndIso() {
    Random random = new Random(20261126L);
    int fastAnswers = 0;
    for (int i = 0; i < 200_000; i++) {
      String s = randomTimestamp(random);
      fastAnswers += check(s, true) + check(s, false);
    }
    assertTrue(fastAnswers > 100_000, "the fast path answered only " + fastAnswers + " times");
  }

  @Test
  void parseErrorsStayJodas() {
    TimestampParser auto = TimestampParser.forFormat("auto");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> auto.parse("2018-02-30T00:00:00Z"));
    assertTrue(e.getMessage().startsWith("Cannot parse timestamp[2018-02-30T00:00:00Z] with format[auto]: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("dayOfMonth"), e.getMessage());
  }

  /** 1 if the fast path answered (and equalled Joda), 0 if it left the input to Joda. */
  private static int check(String s, boolean auto) {
    long fast = IsoTimestamps.parse(s, auto);
    Long joda;
    try {
      joda = auto ? TimestampParser.autoWithJoda(s) : TimestampParser.isoWithJoda(s);
    } catch (IllegalArgumentException e) {
      joda = null;
    }
    if (fast == IsoTimestamps.NOT_HANDLED) {
      return 0;
    }
    assertEquals(joda, (Long) fast, () -> "fast path for[" + s + "], auto " + auto);
    return 1;
  }

  /** Mostly well-formed timestamps over many years, with edge values, mutations and odd fractions. */
  private static String randomTimestamp(Random random) {
    int year = random.nextInt(10) == 0 ? random.nextInt(10_000) : 1900 + random.nextInt(200);
    int month = random.nextInt(20) == 0 ? random.nextInt(14) : 1 + random.nextInt(12);
    int day = random.nextInt(10) == 0 ? 28 + random.nextInt(5) : 1 + random.nextInt(28);
    int hour = random.nextInt(30) == 0 ? 24 : random.nextInt(24);
    int minute = random.nextInt(30) == 0 ? 60 : random.nextInt(60);
    int second = random.nextInt(30) == 0 ? 60 : random.nextInt(60);
    StringBuilder b = new StringBuilder(String.format("%04d-%02d-%02d", year, month, day));
    if (random.nextInt(20) != 0) {
      b.append(random.nextInt(10) == 0 ? SEPARATORS[random.nextInt(SEPARATORS.length)] : "T");
      b.append(String.format("%02d:%02d:%02d", hour, minute, second));
      int digits = random.nextInt(4) == 0 ? random.nextInt(12) : 3;
      if (digits > 0 || random.nextInt(10) == 0) {
        b.append(random.nextInt(10) == 0 ? ',' : '.');
        for (int d = 0; d < digits; d++) {
          b.append((char) ('0' + random.nextInt(10)));
        }
      }
      b.append(random.nextInt(3) == 0 ? OFFSETS[random.nextInt(OFFSETS.length)] : "Z");
    }
    if (random.nextInt(15) == 0) {
      List<Character> chars = new ArrayList<>();
      b.chars().forEach(c -> chars.add((char) c));
      int at = random.nextInt(chars.size());
      String noise = "0123456789-:T +Z.";
      b.setCharAt(at, noise.charAt(random.nextInt(noise.length())));
    }
    return b.toString();
  }
}
