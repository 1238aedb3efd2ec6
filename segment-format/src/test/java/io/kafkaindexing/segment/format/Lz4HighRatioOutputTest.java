package io.kafkaindexing.segment.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The high-ratio compressor writes the same blocks as before its search changes
 * ({@link Lz4BlockReference}): sorted timestamps, small and random longs, floats, doubles, dictionary
 * ids, runs, text and random bytes, of block and odd sizes.
 */
class Lz4HighRatioOutputTest {
  @Test
  void sameBlocksAsTheReference() {
    Random random = new Random(5);
    for (int round = 0; round < 400; round++) {
      int length = round % 4 == 0 ? random.nextInt(200) : round % 4 == 1 ? 65_536 : random.nextInt(70_000);
      byte[] src = columnLike(random, round % 8, length);
      int off = round % 3 == 0 ? 0 : random.nextInt(Math.max(1, length / 4 + 1));
      int len = length - off;
      assertArrayEquals(Lz4BlockReference.compress(src, off, len), Lz4Block.compress(src, off, len),
          "round " + round + " shape " + round % 8);
    }
  }

  private static byte[] columnLike(Random random, int shape, int length) {
    ByteBuffer b = ByteBuffer.allocate(length + 8).order(ByteOrder.LITTLE_ENDIAN);
    long time = 1_520_294_400_000L;
    while (b.position() < length) {
      switch (shape) {
        case 0 -> b.putLong(time += random.nextInt(80));
        case 1 -> b.putLong(1 + random.nextInt(1000));
        case 2 -> b.putLong(1);
        case 3 -> b.putFloat(random.nextInt(20) * 0.5f);
        case 4 -> b.putDouble(random.nextGaussian());
        case 5 -> b.putShort((short) random.nextInt(random.nextBoolean() ? 10_000 : 30));
        case 6 -> b.put(("user" + random.nextInt(500) + " /page/" + random.nextInt(50) + " ").getBytes());
        default -> b.put((byte) random.nextInt(256));
      }
      if (b.remaining() < 64) {
        break;
      }
    }
    byte[] out = new byte[length];
    System.arraycopy(b.array(), 0, out, 0, Math.min(length, b.position()));
    return out;
  }
}
