package io.kafkaindexing.segment.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * LZ4 blocks: round trips of random, repetitive and tiny inputs through both compressors; the
 * high-ratio one writes smaller blocks of column-like data; malformed blocks are refused.
 */
class Lz4BlockTest {
  @Test
  void aBlockAtAnOffsetCompressesToTheSameBytesAsTheBlockCopiedOut() {
    Random random = new Random(9);
    byte[] in = new byte[200_000];
    for (int i = 0; i < in.length; i++) {
      // runs and repeats (matches) mixed with noise (literals)
      in[i] = (byte) (i % 3000 < 1500 ? (i % 97) : random.nextInt(256));
    }
    byte[] scratch = new byte[Lz4Block.maxCompressedLength(65_536)];
    for (int off : new int[] {0, 1, 4_095, 65_536, 131_000}) {
      int n = Math.min(65_536, in.length - off);
      byte[] copied = Arrays.copyOfRange(in, off, off + n);
      for (BlockCompression c : BlockCompression.values()) {
        byte[] expected = c.compress(copied, n);
        assertArrayEquals(expected, c.compress(in, off, n, c.scratch(n)), c + " at " + off);
        byte[] reused = c == BlockCompression.UNCOMPRESSED ? null : scratch;
        assertArrayEquals(expected, c.compress(in, off, n, reused), c + " at " + off + " through a reused buffer");
      }
    }
  }

  @Test
  void roundTripsAnyInput() {
    roundTrips(false);
  }

  @Test
  void fastCompressorRoundTripsAnyInput() {
    roundTrips(true);
  }

  @Test
  void highRatioBeatsFastOnColumnData() {
    ByteBuffer raw = ByteBuffer.allocate(65536).order(ByteOrder.LITTLE_ENDIAN);
    Random r = new Random(11);
    for (int i = 0; raw.remaining() >= 16; i++) {
      raw.putLong(1_520_330_400_000L + i * 43L + r.nextInt(3));
      raw.putDouble(1 + r.nextInt(1000));
    }
    byte[] in = raw.array();
    byte[] high = Lz4Block.compress(in, 0, in.length);
    byte[] fast = Lz4Block.compressFast(in, 0, in.length);
    assertTrue(high.length < fast.length, high.length + " vs " + fast.length);
    assertTrue(fast.length < in.length * 3 / 4, "fast block of " + fast.length + " bytes");
    for (byte[] block : new byte[][] {high, fast}) {
      byte[] out = new byte[65536];
      assertEquals(in.length, Lz4Block.decompress(block, block.length, out));
      assertArrayEquals(in, out);
    }
  }

  @Test
  void compressesAtAnOffsetOfALongerArray() {
    byte[] in = new byte[3000];
    for (int i = 0; i < in.length; i++) {
      in[i] = (byte) (i % 7 == 0 ? i : i % 5);
    }
    for (boolean fast : new boolean[] {false, true}) {
      byte[] block = fast ? Lz4Block.compressFast(in, 1000, 1500) : Lz4Block.compress(in, 1000, 1500);
      byte[] out = new byte[1500];
      assertEquals(1500, Lz4Block.decompress(block, block.length, out));
      assertArrayEquals(Arrays.copyOfRange(in, 1000, 2500), out, "fast " + fast);
    }
  }

  private static void roundTrips(boolean fast) {
    Random r = new Random(7);
    for (int trial = 0; trial < 300; trial++) {
      int n = trial < 20 ? trial : r.nextInt(65536) + 1;
      byte[] in = new byte[n];
      int alphabet = 1 + r.nextInt(trial % 3 == 0 ? 256 : 4);
      // every fifth input is a long run of one byte: matches that reach the end limit
      for (int i = 0; i < n; i++) {
        in[i] = trial % 5 == 4 ? 9 : (byte) (r.nextInt(10) < 7 && i > 8 ? in[i - 1 - r.nextInt(8)]
            : r.nextInt(alphabet));
      }
      byte[] block = fast ? Lz4Block.compressFast(in, 0, n) : Lz4Block.compress(in, 0, n);
      byte[] out = new byte[65536];
      int size = Lz4Block.decompress(block, block.length, out);
      assertArrayEquals(in, Arrays.copyOf(out, size), "trial " + trial + ", fast " + fast);
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
