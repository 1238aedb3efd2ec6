package io.kafkaindexing.segment.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** The high-ratio LZ4 compressor as it was before its lazy step searched only for longer matches: the reference its output must equal. */
final class Lz4BlockReference {
  private static final int MIN_MATCH = 4;
  private static final int LAST_LITERALS = 5;
  private static final int MF_LIMIT = 12;
  private static final int MAX_DISTANCE = 65535;
  private static final int HASH_LOG = 15;
  private static final int FAST_HASH_LOG = 13;
  private static final int MAX_ATTEMPTS = 256;
  /** Largest block the per-thread chain table covers without growing (Druid's block size). */
  private static final int TABLE_BLOCK = 1 << 16;
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final ThreadLocal<Matcher> MATCHERS = ThreadLocal.withInitial(Matcher::new);
  private static final ThreadLocal<int[]> FAST_TABLES = ThreadLocal.withInitial(() -> new int[1 << FAST_HASH_LOG]);

  private Lz4BlockReference() {}

  /** An upper bound of the compressed size of {@code length} bytes. */
  public static int maxCompressedLength(int length) {
    return length + length / 255 + 16;
  }

  /** Compresses {@code src[srcOff, srcOff+length)} at high ratio; returns a new array holding exactly the block. */
  public static byte[] compress(byte[] src, int srcOff, int length) {
    byte[] dst = new byte[maxCompressedLength(length)];
    int n = compress(src, srcOff, length, dst);
    return Arrays.copyOf(dst, n);
  }

  /** Compresses fast (lower ratio); returns a new array holding exactly the block. */
  public static byte[] compressFast(byte[] src, int srcOff, int length) {
    byte[] dst = new byte[maxCompressedLength(length)];
    int n = compressFast(src, srcOff, length, dst);
    return Arrays.copyOf(dst, n);
  }

  /** Compresses at high ratio into {@code dst} (at least {@link #maxCompressedLength} long); returns the block size. */
  public static int compress(byte[] src, int srcOff, int length, byte[] dst) {
    int end = srcOff + length;
    int anchor = srcOff;
    int op = 0;
    if (length >= MF_LIMIT + 1) {
      Matcher m = MATCHERS.get();
      m.reset(src, srcOff, length);
      int mfLimit = end - MF_LIMIT;
      int ip = srcOff;
      while (ip < mfLimit) {
        m.insertUpTo(ip);
        int len = m.longest(ip);
        if (len < MIN_MATCH) {
          ip++;
          continue;
        }
        int ref = m.ref;
        // lazy step: a longer match one byte later is worth a literal
        while (ip + 1 < mfLimit) {
          m.insertUpTo(ip + 1);
          int next = m.longest(ip + 1);
          if (next <= len) {
            break;
          }
          ip++;
          len = next;
          ref = m.ref;
        }
        op = writeSequence(src, anchor, ip - anchor, dst, op, ip - ref, len);
        ip += len;
        anchor = ip;
      }
      m.release();
    }
    return writeLastLiterals(src, anchor, end - anchor, dst, op);
  }

  /**
   * Compresses greedily into {@code dst} (at least {@link #maxCompressedLength} long): one hash
   * candidate per position, the first match taken and extended backwards over pending literals,
   * the step between probes growing through long runs of literals; returns the block size.
   */
  public static int compressFast(byte[] src, int srcOff, int length, byte[] dst) {
    int end = srcOff + length;
    int anchor = srcOff;
    int op = 0;
    if (length >= MF_LIMIT + 1) {
      int[] table = FAST_TABLES.get();
      Arrays.fill(table, -1);
      int mfLimit = end - MF_LIMIT;
      int matchLimit = end - LAST_LITERALS;
      int ip = srcOff;
      while (ip < mfLimit) {
        int seq = readInt(src, ip);
        int h = fastHash(seq);
        int ref = table[h];
        table[h] = ip;
        if (ref < 0 || ip - ref > MAX_DISTANCE || readInt(src, ref) != seq) {
          ip += 1 + ((ip - anchor) >>> 6);
          continue;
        }
        while (ip > anchor && ref > srcOff && src[ip - 1] == src[ref - 1]) {
          ip--;
          ref--;
        }
        int len = MIN_MATCH + matchLength(src, ip + MIN_MATCH, ref + MIN_MATCH, matchLimit);
        op = writeSequence(src, anchor, ip - anchor, dst, op, ip - ref, len);
        ip += len;
        anchor = ip;
        if (ip < mfLimit) {
          table[fastHash(readInt(src, ip - 2))] = ip - 2;
        }
      }
    }
    return writeLastLiterals(src, anchor, end - anchor, dst, op);
  }

  private static int fastHash(int seq) {
    return (seq * -1640531535) >>> (32 - FAST_HASH_LOG);
  }

  /** How many bytes from {@code a} and {@code b} (b before a) are equal, not reaching {@code limit} from a. */
  private static int matchLength(byte[] src, int a, int b, int limit) {
    int start = a;
    while (a + 8 <= limit) {
      long diff = (long) LONG_LE.get(src, a) ^ (long) LONG_LE.get(src, b);
      if (diff != 0) {
        return a - start + (Long.numberOfTrailingZeros(diff) >>> 3);
      }
      a += 8;
      b += 8;
    }
    while (a < limit && src[a] == src[b]) {
      a++;
      b++;
    }
    return a - start;
  }

  /**
   * Longest-match search over hash chains of 4-byte sequences (like LZ4's high-compression mode,
   * which Druid uses), bounded to {@link #MAX_ATTEMPTS} candidates per position. One per thread,
   * its tables reused from block to block.
   */
  private static final class Matcher {
    private final int[] head = new int[1 << HASH_LOG];
    private int[] previous = new int[TABLE_BLOCK];
    private byte[] src;
    private int base;
    private int matchLimit;
    private int inserted;
    int ref;

    void reset(byte[] src, int base, int length) {
      this.src = src;
      this.base = base;
      this.matchLimit = base + length - LAST_LITERALS;
      if (previous.length < length) {
        previous = new int[length];
      }
      this.inserted = base;
      Arrays.fill(head, -1);
    }

    void release() {
      src = null;
    }

    private static int hash(int seq) {
      return (seq * -1640531535) >>> (32 - HASH_LOG);
    }

    /** Adds every position before {@code ip} to the chains. */
    void insertUpTo(int ip) {
      for (; inserted < ip; inserted++) {
        int h = hash(readInt(src, inserted));
        previous[inserted - base] = head[h];
        head[h] = inserted;
      }
    }

    /** The length of the longest earlier match at {@code ip} (0 if under 4), its start in {@link #ref}. */
    int longest(int ip) {
      byte[] s = src;
      int seq = readInt(s, ip);
      int best = 0;
      int maxLen = matchLimit - ip;
      int candidate = head[hash(seq)];
      for (int attempts = MAX_ATTEMPTS; candidate >= 0 && attempts > 0 && ip - candidate <= MAX_DISTANCE;
          attempts--) {
        // a candidate can only beat best if its 4 bytes ending at offset best match too
        if ((best < MIN_MATCH ? readInt(s, candidate) == seq
            : readInt(s, candidate + best - 3) == readInt(s, ip + best - 3) && readInt(s, candidate) == seq)) {
          int len = MIN_MATCH + matchLength(s, ip + MIN_MATCH, candidate + MIN_MATCH, matchLimit);
          if (len > best) {
            best = len;
            ref = candidate;
            if (len == maxLen) {
              break;
            }
          }
        }
        candidate = previous[candidate - base];
      }
      return best;
    }
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

  private static int readInt(byte[] b, int i) {
    return (int) INT_LE.get(b, i);
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
