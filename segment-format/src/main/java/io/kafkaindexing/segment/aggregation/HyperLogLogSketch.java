package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Druid's {@code hyperUnique} sketch (HyperLogLog, 2048 buckets of 4 bits), in its stored form
 * "version one":
 * <pre>
 *   byte    version = 0x01 (version zero, an older layout, is refused)
 *   byte    registerOffset: every bucket's value is its nibble + registerOffset
 *   short   numNonZeroRegisters
 *   byte    maxOverflowValue: the largest value too big for a nibble (0 = none)
 *   short   maxOverflowRegister: its bucket
 *   dense:  1024 bytes, two buckets a byte (even bucket in the high nibble)        (1031 bytes in all)
 *   sparse: per non-zero byte, short (byte index + 7) and the byte; written when
 *           fewer than 128 registers are non-zero
 * </pre>
 * A value is added by hashing its UTF-8 bytes with {@link Murmur3}: the bucket is the last two
 * hash bytes (big-endian) and 0x7ff, the register value the position of the lowest set bit of
 * the first eight bytes, counted from 1. Not thread-safe.
 */
public final class HyperLogLogSketch {
  public static final byte VERSION = 0x01;
  private static final int BUCKETS = 2048;
  private static final int PAYLOAD = BUCKETS / 2;
  private static final int HEADER = 7;
  private static final int DENSE_THRESHOLD = 128;
  private static final int RANGE = 15;
  private static final double ALPHA = 0.7213 / (1 + 1.079 / BUCKETS);
  private static final double TWO_TO_64 = Math.pow(2, 64);

  private final byte[] registers = new byte[PAYLOAD];
  private int registerOffset;
  private int numNonZero;
  private int maxOverflowValue;
  private int maxOverflowRegister;

  /** Reads stored bytes (dense or sparse, version one). */
  public static HyperLogLogSketch fromBytes(byte[] bytes) {
    HyperLogLogSketch s = new HyperLogLogSketch();
    if (bytes.length == 0) {
      return s;
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    if (bytes.length < HEADER || bytes[0] != VERSION || (bytes.length != HEADER + PAYLOAD
        && (bytes.length - HEADER) % 3 != 0)) {
      throw new IllegalArgumentException("hyperUnique sketch of " + bytes.length + " bytes with version["
          + bytes[0] + "] is not a version one sketch");
    }
    s.registerOffset = b.get(1);
    s.numNonZero = b.getShort(2);
    s.maxOverflowValue = b.get(4);
    s.maxOverflowRegister = b.getShort(5);
    if (bytes.length == HEADER + PAYLOAD) {
      System.arraycopy(bytes, HEADER, s.registers, 0, PAYLOAD);
    } else {
      for (int p = HEADER; p < bytes.length; p += 3) {
        int index = (b.getShort(p) & 0xFFFF) - HEADER;
        if (index < 0 || index >= PAYLOAD) {
          throw new IllegalArgumentException("hyperUnique sparse entry at byte " + p + " names register byte " + index);
        }
        s.registers[index] = b.get(p + 2);
      }
    }
    return s;
  }

  /** Adds a value (its UTF-8 bytes are hashed). */
  public void add(String value) {
    addHash(Murmur3.hash128(value.getBytes(StandardCharsets.UTF_8)));
  }

  /** Adds a value by its 128-bit Murmur3 hash (Druid's register selection: the last two bytes pick the bucket). */
  public void addHash(byte[] hash) {
    int bucket = (((hash[hash.length - 2] & 0xFF) << 8) | (hash[hash.length - 1] & 0xFF)) & 0x7ff;
    int position = 0;
    for (int i = 0; i < 8; i++) {
      int b = hash[i] & 0xFF;
      if (b == 0) {
        position += 8;
      } else {
        position += Integer.numberOfTrailingZeros(b) + 1;
        break;
      }
    }
    addRegister(bucket, position);
  }

  private void addRegister(int bucket, int position) {
    if (position <= registerOffset) {
      return;
    }
    if (position > registerOffset + RANGE) {
      if (position > maxOverflowValue) {
        int previousMax = maxOverflowValue;
        int previousRegister = maxOverflowRegister;
        if (previousMax <= registerOffset + RANGE) {
          addRegister(previousRegister, previousMax);
        }
        maxOverflowValue = position;
        maxOverflowRegister = bucket;
      }
      return;
    }
    int value = position - registerOffset;
    int index = bucket >> 1;
    boolean upper = (bucket & 1) == 0;
    int current = upper ? (registers[index] & 0xF0) >>> 4 : registers[index] & 0x0F;
    if (current == 0) {
      numNonZero++;
    }
    if (value > current) {
      registers[index] = (byte) (upper ? (registers[index] & 0x0F) | (value << 4) : (registers[index] & 0xF0) | value);
    }
    if (numNonZero == BUCKETS) {
      registerOffset++;
      numNonZero = decrementAll();
    }
  }

  private int decrementAll() {
    int count = 0;
    for (int i = 0; i < PAYLOAD; i++) {
      int v = (registers[i] - 0x11) & 0xFF;
      count += ((v & 0xF0) != 0 ? 1 : 0) + ((v & 0x0F) != 0 ? 1 : 0);
      registers[i] = (byte) v;
    }
    return count;
  }

  /** Folds {@code other} into this sketch (bucket-wise maximum). */
  public HyperLogLogSketch fold(HyperLogLogSketch other) {
    if (other == null) {
      return this;
    }
    HyperLogLogSketch from = other;
    if (registerOffset < other.registerOffset) {
      HyperLogLogSketch mine = copy();
      copyFrom(other);
      from = mine;
    }
    int diff = registerOffset - from.registerOffset;
    for (int i = 0; i < PAYLOAD; i++) {
      int add = from.registers[i] & 0xFF;
      if (add == 0) {
        continue;
      }
      int cur = registers[i] & 0xFF;
      int upper = cur & 0xF0;
      int lower = cur & 0x0F;
      int newUpper = Math.max(upper, (add & 0xF0) - (diff << 4));
      int newLower = Math.max(lower, (add & 0x0F) - diff);
      registers[i] = (byte) ((newUpper | newLower) & 0xFF);
      numNonZero += (upper == 0 && newUpper > 0 ? 1 : 0) + (lower == 0 && newLower > 0 ? 1 : 0);
    }
    if (numNonZero == BUCKETS) {
      numNonZero = decrementAll();
      registerOffset++;
    }
    addRegister(from.maxOverflowRegister, from.maxOverflowValue);
    return this;
  }

  private HyperLogLogSketch copy() {
    HyperLogLogSketch c = new HyperLogLogSketch();
    c.copyFrom(this);
    return c;
  }

  private void copyFrom(HyperLogLogSketch o) {
    System.arraycopy(o.registers, 0, registers, 0, PAYLOAD);
    registerOffset = o.registerOffset;
    numNonZero = o.numNonZero;
    maxOverflowValue = o.maxOverflowValue;
    maxOverflowRegister = o.maxOverflowRegister;
  }

  /** The stored form: sparse under 128 non-zero registers, else dense. */
  @JsonValue
  public byte[] toBytes() {
    ByteBuffer out;
    if (numNonZero < DENSE_THRESHOLD) {
      int entries = 0;
      for (byte r : registers) {
        entries += r != 0 ? 1 : 0;
      }
      out = header(HEADER + entries * 3);
      for (int i = 0; i < PAYLOAD; i++) {
        if (registers[i] != 0) {
          out.putShort((short) (i + HEADER)).put(registers[i]);
        }
      }
    } else {
      out = header(HEADER + PAYLOAD).put(registers);
    }
    return out.array();
  }

  private ByteBuffer header(int size) {
    return ByteBuffer.allocate(size).put(VERSION).put((byte) registerOffset).putShort((short) numNonZero)
        .put((byte) maxOverflowValue).putShort((short) maxOverflowRegister);
  }

  /** The estimated number of distinct values added. */
  public double estimate() {
    int overflowIndex = maxOverflowRegister >>> 1;
    boolean overflowUpper = (maxOverflowRegister & 1) == 0;
    double e = 0;
    int zeros = 0;
    for (int i = 0; i < PAYLOAD; i++) {
      int r = registers[i] & 0xFF;
      int upper = (r >>> 4) + registerOffset;
      int lower = (r & 0x0F) + registerOffset;
      if (maxOverflowValue != 0 && i == overflowIndex) {
        if (overflowUpper) {
          upper = Math.max(upper, maxOverflowValue);
        } else {
          lower = Math.max(lower, maxOverflowValue);
        }
        zeros += ((upper & 0xF0) == 0 ? 1 : 0) + ((lower & 0x0F) == 0 ? 1 : 0);
      } else {
        zeros += ((r & 0xF0) == 0 ? 1 : 0) + ((r & 0x0F) == 0 ? 1 : 0);
      }
      e += Math.pow(2, -upper) + Math.pow(2, -lower);
    }
    double estimate = ALPHA * BUCKETS * BUCKETS / e;
    if (estimate <= 2.5 * BUCKETS) {
      return zeros == 0 ? estimate : BUCKETS * Math.log(BUCKETS / (double) zeros);
    }
    if (estimate > TWO_TO_64 / 30) {
      double ratio = estimate / TWO_TO_64;
      return ratio >= 1 ? Double.POSITIVE_INFINITY : -TWO_TO_64 * Math.log(1 - ratio);
    }
    return estimate;
  }
}
