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
