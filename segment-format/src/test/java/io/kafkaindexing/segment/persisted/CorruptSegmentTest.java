package io.kafkaindexing.segment.persisted;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.segment.format.CorruptSegmentException;
import io.kafkaindexing.segment.read.SegmentView;
import io.kafkaindexing.segment.tools.SegmentDumper;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Truncated or corrupted segment files are refused with a message naming the file and offset. */
class CorruptSegmentTest {
  @TempDir
  Path tmp;

  private Path seed() throws Exception {
    return DruidFixtures.unzip(DruidFixtures.SEED, tmp.resolve("seg"));
  }

  private static CorruptSegmentException refused(Path dir) {
    return assertThrows(CorruptSegmentException.class, () -> PersistedSegment.load(dir.toFile()));
  }

  @Test
  void truncatedChunkIsRefusedNamingFileAndOffset() throws Exception {
    Path dir = seed();
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve("00000.smoosh").toFile(), "rw")) {
      f.setLength(1000);
    }
    CorruptSegmentException e = refused(dir);
    assertTrue(e.getMessage().contains("00000.smoosh") && e.getMessage().contains("offset[1000]")
        && e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void unknownVersionByteIsNamed() throws Exception {
    Path dir = seed();
    // url's column entry starts at 594: 4-byte JSON length, 154 bytes of JSON, then the part's version byte
    poke(dir.resolve("00000.smoosh"), 594 + 4 + 154, 9);
    CorruptSegmentException e = refused(dir);
    assertTrue(e.getMessage().contains("00000.smoosh") && e.getMessage().contains("offset[752]")
        && e.getMessage().contains("version[9]"), e.getMessage());
  }

  @Test
  void offsetOutOfBoundsIsRefused() throws Exception {
    Path dir = seed();
    // the first end offset of url's dictionary (version, flags, GenericIndexed header of 10 bytes)
    poke(dir.resolve("00000.smoosh"), 752 + 5 + 10 + 3, 0x7f);
    CorruptSegmentException e = refused(dir);
    assertTrue(e.getMessage().contains("00000.smoosh") && e.getMessage().contains("end offset"), e.getMessage());
  }

  @Test
  void badMetaSmooshAndVersionAreRefused() throws Exception {
    Path dir = seed();
    Files.writeString(dir.resolve("meta.smoosh"), "v2,1,1\n");
    CorruptSegmentException e = refused(dir);
    assertTrue(e.getMessage().contains("meta.smoosh") && e.getMessage().contains("offset[0]"), e.getMessage());
    Files.write(dir.resolve("version.bin"), new byte[] {0, 0, 0, 8});
    e = refused(dir);
    assertTrue(e.getMessage().contains("version.bin") && e.getMessage().contains("version[8]"), e.getMessage());
  }

  @Test
  void corruptCompressedBlockFailsOnReadNamingFileAndOffset() throws Exception {
    Path dir = seed();
    // views: entry at 402, JSON 4+142, length 4, header 10, GenericIndexed header 10 + offset 4 + marker 4
    poke(dir.resolve("00000.smoosh"), 402 + 146 + 4 + 10 + 18, 0xff);
    try (PersistedSegment s = PersistedSegment.load(dir.toFile()); SegmentView view = s.open()) {
      CorruptSegmentException e = assertThrows(CorruptSegmentException.class,
          () -> SegmentDumper.dumpRows(view, true, new ByteArrayOutputStream()));
      assertTrue(e.getMessage().contains("00000.smoosh") && e.getMessage().contains("offset[580]")
          && e.getMessage().contains("does not decompress"), e.getMessage());
    }
  }

  private static void poke(Path file, long offset, int value) throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(offset);
      f.write(value);
    }
  }
}
