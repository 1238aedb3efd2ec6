package io.kafkaindexing.segment.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** LZ4 blocks: round trips of random, repetitive and tiny inputs; malformed blocks are refused. */
class Lz4BlockTest {
  @Test
  void roundTripsAnyInput() {
    Random r = new Random(7);
    for (int trial = 0; trial < 300; trial++) {
      int n = trial < 20 ? trial : r.nextInt(65536) + 1;
      byte[] in = new byte[n];
      int alphabet = 1 + r.nextInt(trial % 3 == 0 ? 256 : 4);
      for (int i = 0; i < n; i++) {
        in[i] = (byte) (r.nextInt(10) < 7 && i > 8 ? in[i - 1 - r.nextInt(8)] : r.nextInt(alphabet));
      }
      byte[] block = Lz4Block.compress(in, 0, n);
      byte[] out = new byte[65536];
      int size = Lz4Block.decompress(block, block.length, out);
      assertArrayEquals(in, Arrays.copyOf(out, size), "trial " + trial);
    }
  }

  @Test
  void malformedBlocksAreRefused() {
    byte[] out = new byte[64];
    assertThrows(IllegalArgumentException.class, () -> Lz4Block.decompress(new byte[] {(byte) 0xF0}, 1, out));
    assertThrows(IllegalArgumentException.class, () -> Lz4Block.decompress(new byte[] {0x10, 'a', 5, 0}, 4, out));
    assertThrows(IllegalArgumentException.class, () -> Lz4Block.decompress(new byte[] {(byte) 0x80, 1, 2, 3}, 4, out));
    assertThrows(IllegalArgumentException.class, () -> Lz4Block.decompress(new byte[0], 0, out));
  }
}
