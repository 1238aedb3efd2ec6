package io.kafkaindexing.segment.format;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the smoosh container read by {@link SmooshedFiles}: entries appended in call order to
 * {@code 00000.smoosh}, then {@code meta.smoosh} listing them sorted by name (as Druid does) with
 * a max chunk size of {@code 2147483647}. One chunk only: a segment past 2 GiB is refused. Not
 * thread-safe.
 */
public final class SmooshWriter implements AutoCloseable {
  private record Range(long start, long end) {}

  private final File dir;
  private final OutputStream out;
  private final Map<String, Range> entries = new TreeMap<>();
  private long position;
  private boolean closed;

  public SmooshWriter(File dir) throws IOException {
    this.dir = dir;
    this.out = new BufferedOutputStream(new FileOutputStream(new File(dir, SmooshedFiles.chunkName(0))), 1 << 16);
  }

  /** Appends entry {@code name} made of the concatenation of {@code parts}. */
  public void add(String name, byte[]... parts) throws IOException {
    if (name.contains(",") || name.contains("\n")) {
      throw new IllegalArgumentException("Smoosh entry name[" + name + "] must not contain ',' or a newline");
    }
    if (entries.containsKey(name)) {
      throw new IllegalArgumentException("Smoosh entry[" + name + "] is written twice");
    }
    long start = position;
    for (byte[] p : parts) {
      out.write(p);
      position += p.length;
    }
    if (position > Integer.MAX_VALUE) {
      throw new IOException("Segment in " + dir + " exceeds 2 GiB at entry[" + name + "]; split it into more segments");
    }
    entries.put(name, new Range(start, position));
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    out.close();
    StringBuilder meta = new StringBuilder("v1,").append(Integer.MAX_VALUE).append(",1\n");
    entries.forEach((name, r) -> meta.append(name).append(",0,").append(r.start).append(',').append(r.end)
        .append('\n'));
    try (OutputStream m = new FileOutputStream(new File(dir, SmooshedFiles.META_FILE))) {
      m.write(meta.toString().getBytes(StandardCharsets.UTF_8));
    }
  }
}
