package io.kafkaindexing.query.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The LIKE pattern compiled by {@link LikeDimFilter} against a recursive matcher written from SQL's
 * definition, over random patterns and values built from wildcards, the escape character and
 * regular-expression metacharacters.
 */
class LikePatternTest {
  private static final char[] ALPHABET = {'a', 'b', '%', '_', '!', '.', '*', '\\', '$', '\n'};

  @Test
  void randomPatternsAgreeWithTheDefinition() {
    Random random = new Random(7);
    int matched = 0;
    for (int k = 0; k < 20_000; k++) {
      String pattern = random(random, 6);
      String value = random(random, 6);
      Character escape = random.nextBoolean() ? Character.valueOf('!') : null;
      boolean expected = FilterOracle.like(value, pattern, escape);
      assertEquals(expected, LikeDimFilter.toRegex(pattern, escape).matcher(value).matches(),
          "value[" + value + "] LIKE [" + pattern + "] ESCAPE " + escape);
      matched += expected ? 1 : 0;
    }
    assertTrue(matched > 500, "the random cases include matches: " + matched);
  }

  @Test
  void documentedCases() {
    assertTrue(LikeDimFilter.toRegex("D%", null).matcher("Doe").matches());
    assertFalse(LikeDimFilter.toRegex("D%", null).matcher("doe").matches());
    assertTrue(LikeDimFilter.toRegex("___bar", null).matcher("foobar").matches());
    assertFalse(LikeDimFilter.toRegex("___bar", null).matcher("fobar").matches());
    assertTrue(LikeDimFilter.toRegex("50\\%", '\\').matcher("50%").matches());
    assertFalse(LikeDimFilter.toRegex("50\\%", '\\').matcher("500").matches());
    assertTrue(LikeDimFilter.toRegex("a%", null).matcher("a\nb").matches());
  }

  private static String random(Random random, int maxLength) {
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
      s.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return s.toString();
  }
}
