package io.kafkaindexing.segment.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GenericIndexed versions 1 and 2, nulls vs empty values, and refused versions. */
class GenericIndexedTest {
  @TempDir
  Path tmp;

  private static String text(ByteBuffer b) {
    return b == null ? null : StandardCharsets.UTF_8.decode(b).toString();
  }

  /** Elements [from, to) as forEach gives them, "index=text". */
  private static List<String> visited(GenericIndexed gi, int from, int to) {
    List<String> out = new ArrayList<>();
    gi.forEach(from, to, (i, area, offset, length) -> out.add(i + "=" + (length < 0 ? null
        : new String(bytes(area, offset, length), StandardCharsets.UTF_8))));
    return out;
  }

  private static byte[] bytes(ByteBuffer area, int offset, int length) {
    byte[] b = new byte[length];
    area.get(offset, b, 0, length);
    return b;
  }

  /** Elements [from, to) as get gives them, "index=text". */
  private static List<String> got(GenericIndexed gi, int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(i + "=" + text(gi.get(i)));
    }
    return out;
  }

  @Test
  void versionOneKeepsNullAndEmptyApart() throws Exception {
    byte[] bytes = GenericIndexed.write(Arrays.asList(null, new byte[0], "b".getBytes(StandardCharsets.UTF_8)), true);
    File dir = tmp.toFile();
    try (SmooshWriter w = new SmooshWriter(dir)) {
      w.add("gi", bytes);
    }
    GenericIndexed gi = GenericIndexed.read(SmooshedFiles.open(dir).entry("gi"), null);
    assertEquals(3, gi.size());
    assertTrue(gi.isSorted());
    assertNull(gi.get(0));
    assertEquals("", text(gi.get(1)));
    assertEquals("b", text(gi.get(2)));
    assertEquals(List.of("0=null", "1=", "2=b"), visited(gi, 0, 3));
    assertEquals(got(gi, 1, 3), visited(gi, 1, 3));
    assertEquals(List.of(), visited(gi, 3, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> gi.forEach(0, 4, (i, area, offset, length) -> { }));
  }

  @Test
  void versionTwoReadsValuesFromSeparateEntries() throws Exception {
    File dir = tmp.toFile();
    byte[] name = "col".getBytes(StandardCharsets.UTF_8);
    ByteBuffer meta = ByteBuffer.allocate(2 + 4 + 4 + 4 + name.length).put((byte) 2).put((byte) 1).putInt(1).putInt(3)
        .putInt(name.length).put(name);
    ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder()).putInt(5).putInt(11).putInt(4);
    ByteBuffer file0 = ByteBuffer.allocate(11).putInt(0).put((byte) 'a').putInt(0).put("bc".getBytes(StandardCharsets.UTF_8));
    ByteBuffer file1 = ByteBuffer.allocate(4).putInt(-1);
    try (SmooshWriter w = new SmooshWriter(dir)) {
      w.add("gi", meta.array());
      w.add("col_header", header.array());
      w.add("col_value_0", file0.array());
      w.add("col_value_1", file1.array());
    }
    SmooshedFiles files = SmooshedFiles.open(dir);
    GenericIndexed gi = GenericIndexed.read(files.entry("gi"), files::entry);
    assertEquals(List.of("a", "bc"), List.of(text(gi.get(0)), text(gi.get(1))));
    assertNull(gi.get(2));
    assertTrue(gi.isSorted());
    assertEquals(5, gi.fileOffsetOf(1) - gi.fileOffsetOf(0), "offsets for messages read the native-order header");
    for (int from = 0; from <= 3; from++) {
      assertEquals(got(gi, from, 3), visited(gi, from, 3), "elements " + from + " on, across the two value files");
    }
    assertEquals(List.of("1=bc"), visited(gi, 1, 2));
  }

  @Test
  void unknownVersionIsNamed() throws Exception {
    File dir = tmp.toFile();
    try (SmooshWriter w = new SmooshWriter(dir)) {
      w.add("gi", new byte[] {7, 0, 0, 0, 0, 0});
    }
    CorruptSegmentException e = assertThrows(CorruptSegmentException.class,
        () -> GenericIndexed.read(SmooshedFiles.open(dir).entry("gi"), null));
    assertTrue(e.getMessage().contains("version[7]") && e.getMessage().contains("offset[0]"), e.getMessage());
  }
}
