package io.kafkaindexing.segment.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a dictionary: only its first value may be null; the values and their scan agree. */
class Utf8DictionaryReadTest {
  @TempDir
  Path tmp;

  private Utf8Dictionary read(byte[]... values) throws Exception {
    File dir = tmp.toFile();
    try (SmooshWriter w = new SmooshWriter(dir)) {
      w.add("dict", GenericIndexed.write(Arrays.asList(values), true));
    }
    return Utf8Dictionary.read(SmooshedFiles.open(dir).entry("dict"), null);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aNullBeyondTheFirstValueIsCorruption() {
    CorruptSegmentException e = assertThrows(CorruptSegmentException.class,
        () -> read(null, utf8("a"), null, utf8("c")));
    assertTrue(e.getMessage().contains("dictionary value[2] is null; only the first value may be null"),
        e.getMessage());
  }

  @Test
  void aFirstNullValueIsRead() throws Exception {
    Utf8Dictionary d = read(null, utf8(""), utf8("User4242"), utf8("user42"), utf8("ü4242"));
    assertEquals(5, d.size());
    assertEquals(null, d.get(0));
    assertEquals("", d.get(1));
    assertEquals("ü4242", d.get(4));
    // null is never a candidate; the non-ASCII value is always one (left to the caller)
    assertEquals("[2, 4]", Arrays.toString(d.containsAsciiCandidates("4242", true)));
    assertEquals("[2, 3, 4]", Arrays.toString(d.containsAsciiCandidates("USER42", true)));
    assertEquals("[3, 4]", Arrays.toString(d.containsAsciiCandidates("user42", false)));
    assertEquals("[4]", Arrays.toString(d.containsAsciiCandidates("User4242x", false)));
    assertEquals("[1, 2, 3, 4]", Arrays.toString(d.containsAsciiCandidates("", true)));
  }

  @Test
  void anEmptyDictionaryIsRead() throws Exception {
    Utf8Dictionary d = read();
    assertEquals(0, d.size());
    assertEquals(0, d.containsAsciiCandidates("a", true).length);
  }
}
