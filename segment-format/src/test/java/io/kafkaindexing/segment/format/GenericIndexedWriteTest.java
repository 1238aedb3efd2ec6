package io.kafkaindexing.segment.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link GenericIndexed#write} against a straightforward writer of Druid's version 1 layout. */
class GenericIndexedWriteTest {
  /** Version, sorted flag, size, count, the offsets past each element, then per element a 4-byte null marker (-1) or 0 and its bytes. */
  private static byte[] reference(List<byte[]> elements, boolean sorted) {
    ByteArrayOutputStream area = new ByteArrayOutputStream();
    ByteBuffer header = ByteBuffer.allocate(elements.size() * 4);
    for (byte[] e : elements) {
      area.writeBytes(ByteBuffer.allocate(4).putInt(e == null ? -1 : 0).array());
      if (e != null) {
        area.writeBytes(e);
      }
      header.putInt(area.size());
    }
    int numBytes = 4 + header.capacity() + area.size();
    ByteBuffer out = ByteBuffer.allocate(2 + 4 + numBytes);
    out.put((byte) 1).put((byte) (sorted ? 1 : 0)).putInt(numBytes).putInt(elements.size());
    out.put(header.array()).put(area.toByteArray());
    return out.array();
  }

  @Test
  void writesTheVersionOneLayoutForEmptyNullAndRandomElements() {
    Random random = new Random(4);
    for (int round = 0; round < 200; round++) {
      List<byte[]> elements = new ArrayList<>();
      for (int i = random.nextInt(50); i > 0; i--) {
        if (random.nextInt(10) == 0) {
          elements.add(null);
        } else {
          byte[] e = new byte[random.nextInt(300)];
          random.nextBytes(e);
          elements.add(e);
        }
      }
      boolean sorted = random.nextBoolean();
      assertArrayEquals(reference(elements, sorted), GenericIndexed.write(elements, sorted), "round " + round);
    }
  }
}
