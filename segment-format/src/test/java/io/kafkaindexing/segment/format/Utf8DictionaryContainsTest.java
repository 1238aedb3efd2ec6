package io.kafkaindexing.segment.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link Utf8Dictionary#containsAsciiCandidates}: the byte scan never drops a value that contains the needle. */
class Utf8DictionaryContainsTest {
  private static Utf8Dictionary dictionary(List<String> sorted) {
    ByteBuffer bytes = ByteBuffer.wrap(Utf8Dictionary.write(sorted));
    return Utf8Dictionary.read(new ByteCursor(bytes, "test", 0), null);
  }

  private static boolean containsIgnoreCase(String haystack, String needle) {
    for (int i = 0; i + needle.length() <= haystack.length(); i++) {
      if (haystack.regionMatches(true, i, needle, 0, needle.length())) {
        return true;
      }
    }
    return false;
  }

  @Test
  void asciiValuesAreMatchedExactlyAndNonAsciiOnesAreLeftToTheCaller() {
    List<String> values = new ArrayList<>(Arrays.asList(null, "", "User42", "abc", "user4", "xuSER42y", "\u212Aey",
        "k\u00e9y", "USER\u00e942"));
    values.sort(Utf8Dictionary.order());
    Utf8Dictionary d = dictionary(values);
    // insensitive: ASCII matches, plus every value holding a non-ASCII byte (Kelvin sign folds to k)
    assertArrayEquals(sorted(new int[] {values.indexOf("User42"), values.indexOf("xuSER42y"), values.indexOf("USER\u00e942"),
        values.indexOf("\u212Aey"), values.indexOf("k\u00e9y")}), sorted(d.containsAsciiCandidates("user42", true)));
    assertArrayEquals(sorted(new int[] {values.indexOf("USER\u00e942"), values.indexOf("\u212Aey"), values.indexOf("k\u00e9y")}),
        sorted(d.containsAsciiCandidates("user42", false)));
    // the empty needle: every non-null value
    assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8}, d.containsAsciiCandidates("", true));
    assertThrows(IllegalArgumentException.class, () -> d.containsAsciiCandidates("\u00e9", true));
  }

  @Test
  void randomValuesNeverLoseAMatch() {
    Random random = new Random(7);
    String alphabet = "aAbBkK1\u212A\u00e9\u0130i";
    TreeSet<String> set = new TreeSet<>();
    for (int i = 0; i < 2000; i++) {
      StringBuilder b = new StringBuilder();
      for (int n = random.nextInt(7); n > 0; n--) {
        b.append(alphabet.charAt(random.nextInt(random.nextInt(4) == 0 ? alphabet.length() : 7)));
      }
      set.add(b.toString());
    }
    List<String> values = new ArrayList<>(set);
    Utf8Dictionary d = dictionary(values);
    for (String needle : List.of("a", "ab", "K1", "bk", "i", "AAb", "1")) {
      for (boolean ignoreCase : new boolean[] {true, false}) {
        TreeSet<Integer> candidates = new TreeSet<>();
        for (int id : d.containsAsciiCandidates(needle, ignoreCase)) {
          candidates.add(id);
        }
        for (int id = 0; id < values.size(); id++) {
          String v = values.get(id);
          boolean matches = ignoreCase ? containsIgnoreCase(v, needle) : v.contains(needle);
          if (matches) {
            assertTrue(candidates.contains(id), v + " contains " + needle + " (ignoreCase " + ignoreCase + ")");
          } else if (v.chars().allMatch(c -> c < 0x80)) {
            assertTrue(!candidates.contains(id), v + " is no candidate for " + needle.toLowerCase(Locale.ROOT));
          }
        }
      }
    }
  }

  /**
   * The word-at-a-time scan against a value-by-value test: exactly the ASCII values containing the
   * needle plus every non-ASCII value, ascending, for needles of 1 to 12 bytes (shorter and longer
   * than a word), needles found only across two neighbouring values (never a match), and matches at
   * the very start and end of the bytes.
   */
  @Test
  void wordScanGivesExactlyTheValuesAValueByValueTestGives() {
    Random random = new Random(11);
    String alphabet = "uUsSeErR0123456789x\u00e9";
    for (int round = 0; round < 40; round++) {
      TreeSet<String> set = new TreeSet<>();
      int size = 1 + random.nextInt(300);
      for (int i = 0; i < size; i++) {
        StringBuilder b = new StringBuilder(random.nextBoolean() ? "user" : "");
        for (int n = random.nextInt(random.nextInt(3) == 0 ? 20 : 6); n > 0; n--) {
          b.append(alphabet.charAt(random.nextInt(random.nextInt(8) == 0 ? alphabet.length() : alphabet.length() - 1)));
        }
        set.add(b.toString());
      }
      List<String> values = new ArrayList<>();
      if (random.nextBoolean()) {
        values.add(null);
      }
      values.addAll(set);
      Utf8Dictionary d = dictionary(values);
      List<String> needles = new ArrayList<>(List.of("user", "u", "R4", "USER12", "0123456789ab"));
      for (int k = 0; k < 12; k++) {
        String v = values.get(random.nextInt(values.size()));
        if (v != null && !v.isEmpty() && v.chars().allMatch(c -> c < 0x80)) {
          int from = random.nextInt(v.length());
          needles.add(v.substring(from, Math.min(v.length(), from + 1 + random.nextInt(12))));
        }
        // the end of one value and the start of the next: found in the bytes, never in one value
        int at = random.nextInt(values.size() - 1);
        String a = values.get(at);
        String b = values.get(at + 1);
        if (a != null && !a.isEmpty() && !b.isEmpty() && (a + b).chars().allMatch(c -> c < 0x80)) {
          needles.add(a.substring(a.length() - 1) + b.substring(0, Math.min(b.length(), 3)));
        }
      }
      for (String needle : needles) {
        for (boolean ignoreCase : new boolean[] {true, false}) {
          List<Integer> expected = new ArrayList<>();
          for (int id = 0; id < values.size(); id++) {
            String v = values.get(id);
            if (v != null && (v.chars().anyMatch(c -> c >= 0x80)
                || (ignoreCase ? v.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT)) : v.contains(needle)))) {
              expected.add(id);
            }
          }
          int[] actual = d.containsAsciiCandidates(needle, ignoreCase);
          assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), actual,
              needle + " (ignoreCase " + ignoreCase + ") in " + values);
        }
      }
    }
  }

  private static int[] sorted(int[] a) {
    int[] c = a.clone();
    Arrays.sort(c);
    return c;
  }
}
