package io.kafkaindexing.indexing.input.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shared names are always the bytes' string, whatever collides, and recurring ones are shared. */
class FieldNamesTest {
  @Test
  void answersTheBytesStringAmongCollidingHashesAndLengths() {
    FieldNames strings = new FieldNames();
    Random random = new Random(7);
    // "Aa" and "BB" hash alike, so these strings collide in hash (and slot) at each length
    String[] pieces = {"Aa", "BB", "C#", "", "x"};
    for (int i = 0; i < 200_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(6);
      for (int p = 0; p < n; p++) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      if (random.nextInt(50) == 0) {
        b.append("y".repeat(FieldNames.MAX_LENGTH));
      }
      String expected = b.toString();
      byte[] record = ("\"" + expected + "\"").getBytes(StandardCharsets.US_ASCII);
      String got = strings.of(record, 1, expected.length(), expected.hashCode());
      assertEquals(expected, got);
      assertEquals(expected.hashCode(), got.hashCode());
    }
  }

  @Test
  void aStringSeenTwiceIsSharedFromTheThirdTime() {
    FieldNames strings = new FieldNames();
    byte[] bytes = "user4242".getBytes(StandardCharsets.US_ASCII);
    int hash = "user4242".hashCode();
    String first = strings.of(bytes, 0, bytes.length, hash);
    String second = strings.of(bytes, 0, bytes.length, hash);
    assertNotSame(first, second);
    assertSame(second, strings.of(bytes, 0, bytes.length, hash));
    assertSame(second, strings.of(bytes, 0, bytes.length, hash));
  }

  @Test
  void longStringsAreNotKept() {
    FieldNames strings = new FieldNames();
    String s = "z".repeat(FieldNames.MAX_LENGTH + 1);
    byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
    String kept = null;
    for (int i = 0; i < 3; i++) {
      String got = strings.of(bytes, 0, bytes.length, s.hashCode());
      assertEquals(s, got);
      assertNotSame(kept, got);
      kept = got;
    }
  }
}
