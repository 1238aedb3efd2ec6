package io.kafkaindexing.segment.aggregation;

/**
 * MurmurHash3 x64 128-bit with seed 0, giving the 16 bytes (h1 then h2, each little-endian) that
 * Druid's hyperUnique hashes each UTF-8 input value to. Stateless.
 */
public final class Murmur3 {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private Murmur3() {}

  public static byte[] hash128(byte[] data) {
    long h1 = 0;
    long h2 = 0;
    int blocks = data.length / 16;
    for (int b = 0; b < blocks; b++) {
      long k1 = longLe(data, b * 16);
      long k2 = longLe(data, b * 16 + 8);
      h1 ^= mixK1(k1);
      h1 = Long.rotateLeft(h1, 27) + h2;
      h1 = h1 * 5 + 0x52dce729;
      h2 ^= mixK2(k2);
      h2 = Long.rotateLeft(h2, 31) + h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    long k1 = 0;
    long k2 = 0;
    int tail = blocks * 16;
    for (int i = data.length - 1; i >= tail; i--) {
      int shift = ((i - tail) & 7) * 8;
      if (i - tail >= 8) {
        k2 |= (data[i] & 0xFFL) << shift;
      } else {
        k1 |= (data[i] & 0xFFL) << shift;
      }
    }
    h1 ^= mixK1(k1);
    h2 ^= mixK2(k2);
    h1 ^= data.length;
    h2 ^= data.length;
    h1 += h2;
    h2 += h1;
    h1 = fmix(h1);
    h2 = fmix(h2);
    h1 += h2;
    h2 += h1;
    byte[] out = new byte[16];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (h1 >>> (8 * i));
      out[8 + i] = (byte) (h2 >>> (8 * i));
    }
    return out;
  }

  private static long mixK1(long k1) {
    return Long.rotateLeft(k1 * C1, 31) * C2;
  }

  private static long mixK2(long k2) {
    return Long.rotateLeft(k2 * C2, 33) * C1;
  }

  private static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  private static long longLe(byte[] b, int i) {
    long v = 0;
    for (int j = 7; j >= 0; j--) {
      v = (v << 8) | (b[i + j] & 0xFF);
    }
    return v;
  }
}
