package io.kafkaindexing.segment.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A bounds-checked reader over a window of a (memory-mapped) segment file that knows which file it
 * reads and where the window starts, so every failure names the file and absolute offset. Reads
 * are big-endian unless a structure says otherwise. Not thread-safe; the windows it hands out share
 * the underlying memory.
 */
public final class ByteCursor {
  private final ByteBuffer buffer;
  private final String file;
  private final long base;
  private int position;

  /** A cursor over {@code buffer}'s bytes from its position to its limit, at file offset {@code base}. */
  public ByteCursor(ByteBuffer buffer, String file, long base) {
    this.buffer = buffer.slice().order(ByteOrder.BIG_ENDIAN);
    this.file = file;
    this.base = base;
  }

  public String file() {
    return file;
  }

  /** Absolute offset in the file of the next byte to read. */
  public long fileOffset() {
    return base + position;
  }

  public int position() {
    return position;
  }

  public int remaining() {
    return buffer.limit() - position;
  }

  public boolean hasRemaining() {
    return position < buffer.limit();
  }

  public byte u8() {
    require(1, "a byte");
    return buffer.get(position++);
  }

  public int int32() {
    require(4, "an int");
    int v = buffer.getInt(position);
    position += 4;
    return v;
  }

  public long int64() {
    require(8, "a long");
    long v = buffer.getLong(position);
    position += 8;
    return v;
  }

  /** An int that must be in {@code [0, max]}; {@code what} names it in the failure. */
  public int count(String what, int max) {
    long at = fileOffset();
    int v = int32();
    if (v < 0 || v > max) {
      throw new CorruptSegmentException(file, at, what + "[" + v + "] is out of range [0, " + max + "]");
    }
    return v;
  }

  /** The next {@code length} bytes as their own cursor; this cursor moves past them. */
  public ByteCursor take(int length, String what) {
    if (length < 0 || length > remaining()) {
      throw fail(what + " of length[" + length + "] exceeds the " + remaining() + " bytes left");
    }
    ByteCursor sub = new ByteCursor(window(position, length), file, base + position);
    position += length;
    return sub;
  }

  /** The rest of this cursor as its own cursor; this cursor ends. */
  public ByteCursor rest() {
    return take(remaining(), "rest");
  }

  /** A big-endian view of {@code length} bytes at relative {@code offset}, bounds-checked. */
  public ByteBuffer window(int offset, int length) {
    if (offset < 0 || length < 0 || (long) offset + length > buffer.limit()) {
      throw new CorruptSegmentException(file, base + Math.max(0, offset), "a range of " + length
          + " bytes runs past the end of the structure (" + buffer.limit() + " bytes)");
    }
    return buffer.duplicate().position(offset).limit(offset + length).slice().order(ByteOrder.BIG_ENDIAN);
  }

  /** The whole window of this cursor (from its start, not its position). */
  public ByteBuffer buffer() {
    return buffer.duplicate();
  }

  /** Absolute file offset of relative {@code offset}. */
  public long fileOffset(int offset) {
    return base + offset;
  }

  public CorruptSegmentException fail(String problem) {
    return new CorruptSegmentException(file, fileOffset(), problem);
  }

  public CorruptSegmentException failAt(int relativeOffset, String problem) {
    return new CorruptSegmentException(file, base + relativeOffset, problem);
  }

  private void require(int n, String what) {
    if (remaining() < n) {
      throw fail("truncated: expected " + what + " but only " + remaining() + " bytes are left");
    }
  }
}
