package io.kafkaindexing.query.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StringComparatorsTest {
  private static List<String> sorted(StringComparator c, String... values) {
    List<String> list = new ArrayList<>(Arrays.asList(values));
    Collections.shuffle(list, new Random(7));
    list.sort(c);
    return list;
  }

  @Test
  void lexicographicIsStringOrderNullsFirst() {
    assertEquals(Arrays.asList(null, "B", "a", "ab"), sorted(StringComparators.LEXICOGRAPHIC, "a", null, "ab", "B"));
  }

  @Test
  void strlenIsLengthThenLexicographic() {
    assertEquals(Arrays.asList(null, "", "a", "b", "cc", "bbb"), sorted(StringComparators.STRLEN, "bbb", "a", "cc",
        "b", null, ""));
  }

  @Test
  void numericPutsNonNumbersBeforeNumbers() {
    assertEquals(Arrays.asList(null, "abc", "xyz", "-1.5", "9", "10", "1e2"),
        sorted(StringComparators.NUMERIC, "10", "9", "xyz", "abc", "-1.5", null, "1e2"));
    assertEquals(0, StringComparators.NUMERIC.compare("1", "1.0"));
  }

  @Test
  void alphanumericComparesDigitRunsAsNumbers() {
    assertEquals(Arrays.asList(null, "", "A1", "a2", "a02", "a10", "a10b", "b"),
        sorted(StringComparators.ALPHANUMERIC, "a10", "a2", "b", "A1", "", null, "a02", "a10b"));
    assertTrue(StringComparators.ALPHANUMERIC.compare("1a", "a1") < 0, "digits sort before letters");
    assertTrue(StringComparators.ALPHANUMERIC.compare("x\u0663", "x2") > 0, "Arabic-Indic three > two");
  }

  @Test
  void versionFollowsMavenOrder() {
    assertEquals(List.of("1.0-alpha-1", "1.0-beta", "1.0-rc1", "1.0-SNAPSHOT", "1", "1.0.1", "1.2", "1.10", "2.0-sp"),
        sorted(StringComparators.VERSION, "1.10", "1.2", "1.0-SNAPSHOT", "1.0-alpha-1", "1", "2.0-sp", "1.0-rc1",
            "1.0.1", "1.0-beta"));
    assertEquals(0, StringComparators.VERSION.compare("1.0", "1"));
    assertEquals(0, StringComparators.VERSION.compare("1.0-final", "1"));
    assertTrue(StringComparators.VERSION.compare(null, "1") < 0);
  }

  @Test
  void namesAreCaseInsensitiveAndUnknownNamesAreRefused() {
    assertSame(StringComparators.STRLEN, StringComparators.fromName("StrLen"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StringComparators.fromName("x"));
    assertTrue(e.getMessage().contains("Unknown ordering[x]"), e.getMessage());
  }
}
