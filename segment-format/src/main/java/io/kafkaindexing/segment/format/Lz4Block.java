package io.kafkaindexing.segment.format;

import java.util.Arrays;

/**
 * The LZ4 block format (no frame, no checksum), as Druid stores each compressed block of a
 * column (compression id {@code 0x01}). A block is a sequence of
 * <pre>
 *   token         1 byte: high nibble = literal count, low nibble = match length - 4 (15 = more follow)
 *   [count+]      extra literal-count bytes, each added, while the byte is 255
 *   literals      the literal bytes
 *   offset        2 bytes little-endian, distance back to the match (1..65535)   } absent in the
 *   [length+]     extra match-length bytes, each added, while the byte is 255     } last sequence
 * </pre>
 * The last sequence carries only literals; a match never starts in the last 12 bytes and never
 * covers the last 5. The compressor is a greedy single-probe hash matcher (like LZ4's fast mode);
 * the decompressor checks every bound and fails on malformed input instead of reading past it.
 * Stateless and thread-safe.
 */
public final class Lz4Block {
  private static final int MIN_MATCH = 4;
  private static final int LAST_LITERALS = 5;
  private static final int MF_LIMIT = 12;
  private static final int MAX_DISTANCE = 65535;
  private static final int HASH_LOG = 14;

  private Lz4Block() {}

  /** An upper bound of the compressed size of {@code length} bytes. */
  public static int maxCompressedLength(int length) {
    return length + length / 255 + 16;
  }

  /** Compresses {@code src[srcOff, srcOff+length)}; returns a new array holding exactly the block. */
  public static byte[] compress(byte[] src, int srcOff, int length) {
    byte[] dst = new byte[maxCompressedLength(length)];
    int n = compress(src, srcOff, length, dst);
    return Arrays.copyOf(dst, n);
  }

  /** Compresses into {@code dst} (at least {@link #maxCompressedLength} long); returns the block size. */
  public static int compress(byte[] src, int srcOff, int length, byte[] dst) {
    int end = srcOff + length;
    int anchor = srcOff;
    int op = 0;
    if (length >= MF_LIMIT + 1) {
      int[] table = new int[1 << HASH_LOG];
      Arrays.fill(table, -1);
      int mfLimit = end - MF_LIMIT;
      int matchLimit = end - LAST_LITERALS;
      int ip = srcOff;
      int misses = 0;
      while (ip < mfLimit) {
        int seq = readIntLe(src, ip);
        int h = (seq * -1640531535) >>> (32 - HASH_LOG);
        int ref = table[h];
        table[h] = ip;
        if (ref < 0 || ip - ref > MAX_DISTANCE || readIntLe(src, ref) != seq) {
          ip += 1 + (misses++ >>> 6);
          continue;
        }
        misses = 0;
        while (ip > anchor && ref > srcOff && src[ip - 1] == src[ref - 1]) {
          ip--;
          ref--;
        }
        int len = MIN_MATCH;
        while (ip + len < matchLimit && src[ip + len] == src[ref + len]) {
          len++;
        }
        op = writeSequence(src, anchor, ip - anchor, dst, op, ip - ref, len);
        ip += len;
        anchor = ip;
        if (ip - 2 >= srcOff && ip - 2 < mfLimit) {
          table[(readIntLe(src, ip - 2) * -1640531535) >>> (32 - HASH_LOG)] = ip - 2;
        }
      }
    }
    return writeLastLiterals(src, anchor, end - anchor, dst, op);
  }

  private static int writeSequence(byte[] src, int litStart, int litLen, byte[] dst, int op, int distance,
      int matchLen) {
    int ml = matchLen - MIN_MATCH;
    int tokenPos = op++;
    int token = (Math.min(litLen, 15) << 4) | Math.min(ml, 15);
    op = writeLength(dst, op, litLen);
    System.arraycopy(src, litStart, dst, op, litLen);
    op += litLen;
    dst[op++] = (byte) distance;
    dst[op++] = (byte) (distance >>> 8);
    op = writeLength(dst, op, ml);
    dst[tokenPos] = (byte) token;
    return op;
  }

  private static int writeLastLiterals(byte[] src, int litStart, int litLen, byte[] dst, int op) {
    dst[op++] = (byte) (Math.min(litLen, 15) << 4);
    op = writeLength(dst, op, litLen);
    System.arraycopy(src, litStart, dst, op, litLen);
    return op + litLen;
  }

  /** Writes the bytes that extend a nibble of 15. */
  private static int writeLength(byte[] dst, int op, int len) {
    if (len >= 15) {
      int rest = len - 15;
      while (rest >= 255) {
        dst[op++] = (byte) 255;
        rest -= 255;
      }
      dst[op++] = (byte) rest;
    }
    return op;
  }

  private static int readIntLe(byte[] b, int i) {
    return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
  }

  /**
   * Decompresses the block {@code src[0, srcLen)} into {@code dst}; returns the decompressed size.
   *
   * @throws IllegalArgumentException naming the problem when the block is malformed or would
   *     decompress to more than {@code dst.length} bytes
   */
  public static int decompress(byte[] src, int srcLen, byte[] dst) {
    int ip = 0;
    int op = 0;
    while (true) {
      if (ip >= srcLen) {
        throw new IllegalArgumentException("LZ4 block ends without its last literals at byte " + ip);
      }
      int token = src[ip++] & 0xFF;
      int litLen = token >>> 4;
      if (litLen == 15) {
        int b;
        do {
          if (ip >= srcLen) {
            throw new IllegalArgumentException("LZ4 literal length runs past the block at byte " + ip);
          }
          b = src[ip++] & 0xFF;
          litLen += b;
        } while (b == 255);
      }
      if (litLen > srcLen - ip || litLen > dst.length - op) {
        throw new IllegalArgumentException("LZ4 literals of length " + litLen + " at byte " + ip
            + " run past the block or the output");
      }
      System.arraycopy(src, ip, dst, op, litLen);
      ip += litLen;
      op += litLen;
      if (ip == srcLen) {
        return op;
      }
      if (ip + 2 > srcLen) {
        throw new IllegalArgumentException("LZ4 match offset truncated at byte " + ip);
      }
      int distance = (src[ip] & 0xFF) | (src[ip + 1] & 0xFF) << 8;
      ip += 2;
      if (distance == 0 || distance > op) {
        throw new IllegalArgumentException("LZ4 match offset " + distance + " at byte " + (ip - 2)
            + " points before the start of the output");
      }
      int matchLen = token & 0x0F;
      if (matchLen == 15) {
        int b;
        do {
          if (ip >= srcLen) {
            throw new IllegalArgumentException("LZ4 match length runs past the block at byte " + ip);
          }
          b = src[ip++] & 0xFF;
          matchLen += b;
        } while (b == 255);
      }
      matchLen += MIN_MATCH;
      if (matchLen > dst.length - op) {
        throw new IllegalArgumentException("LZ4 match of length " + matchLen + " overflows the output of "
            + dst.length + " bytes");
      }
      int from = op - distance;
      if (distance >= matchLen) {
        System.arraycopy(dst, from, dst, op, matchLen);
        op += matchLen;
      } else {
        for (int i = 0; i < matchLen; i++) {
          dst[op++] = dst[from + i];
        }
      }
    }
  }
}
