package io.kafkaindexing.segment.format;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Druid's smoosh container ({@code FileSmoosher} / {@code SmooshedFileMapper}): named entries
 * packed into chunk files {@code 00000.smoosh}, {@code 00001.smoosh}..., indexed by the text file
 * {@code meta.smoosh}:
 * <pre>
 *   v1,&lt;max chunk size&gt;,&lt;number of chunks&gt;        first line; version must be v1
 *   &lt;name&gt;,&lt;chunk number&gt;,&lt;start&gt;,&lt;end&gt;            one line per entry, sorted by name
 * </pre>
 * Entry bytes are {@code [start, end)} of the chunk file. Chunks are memory-mapped read-only at
 * {@link #open}; entries and the cursors handed out stay valid while this object is reachable
 * (the mapping ends when it is garbage collected). Immutable and thread-safe.
 */
public final class SmooshedFiles {
  public static final String META_FILE = "meta.smoosh";

  private record Entry(int chunk, int start, int end) {}

  private final File dir;
  private final Map<String, Entry> entries;
  private final List<MappedByteBuffer> chunks;

  private SmooshedFiles(File dir, Map<String, Entry> entries, List<MappedByteBuffer> chunks) {
    this.dir = dir;
    this.entries = entries;
    this.chunks = chunks;
  }

  /** The chunk file name of number {@code n}: {@code 00000.smoosh}. */
  public static String chunkName(int n) {
    return String.format(java.util.Locale.ROOT, "%05d.smoosh", n);
  }

  /**
   * Reads {@code meta.smoosh} in {@code dir} and maps the chunks.
   *
   * @throws CorruptSegmentException naming the file and offset of a malformed line or an entry
   *     outside its chunk
   */
  public static SmooshedFiles open(File dir) throws IOException {
    File meta = new File(dir, META_FILE);
    byte[] bytes = Files.readAllBytes(meta.toPath());
    String text = new String(bytes, StandardCharsets.UTF_8);
    String path = meta.getPath();
    int lineStart = 0;
    int lineNo = 0;
    int numChunks = -1;
    long byteOffset = 0;
    Map<String, Entry> entries = new LinkedHashMap<>();
    List<long[]> bounds = new ArrayList<>();
    while (lineStart < text.length()) {
      int nl = text.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? text.length() : nl;
      String line = text.substring(lineStart, lineEnd);
      long offset = byteOffset;
      byteOffset += line.getBytes(StandardCharsets.UTF_8).length + 1;
      if (!line.isEmpty()) {
        String[] f = line.split(",");
        if (lineNo == 0) {
          if (f.length != 3 || !f[0].equals("v1")) {
            throw new CorruptSegmentException(path, offset, "expected header v1,<maxChunkSize>,<chunks> but found["
                + line + "]");
          }
          numChunks = parse(f[2], path, offset, line);
        } else {
          if (f.length != 4) {
            throw new CorruptSegmentException(path, offset, "expected <name>,<chunk>,<start>,<end> but found[" + line + "]");
          }
          int chunk = parse(f[1], path, offset, line);
          int start = parse(f[2], path, offset, line);
          int end = parse(f[3], path, offset, line);
          if (chunk >= numChunks || end < start) {
            throw new CorruptSegmentException(path, offset, "entry[" + f[0] + "] has chunk[" + chunk + "] of "
                + numChunks + " and range [" + start + ", " + end + ")");
          }
          entries.put(f[0], new Entry(chunk, start, end));
          bounds.add(new long[] {chunk, end, offset});
        }
        lineNo++;
      }
      lineStart = lineEnd + 1;
    }
    if (numChunks < 0) {
      throw new CorruptSegmentException(path, 0, "meta.smoosh is empty");
    }
    List<MappedByteBuffer> chunks = new ArrayList<>();
    for (int i = 0; i < numChunks; i++) {
      File chunk = new File(dir, chunkName(i));
      try (RandomAccessFile raf = new RandomAccessFile(chunk, "r"); FileChannel ch = raf.getChannel()) {
        chunks.add(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()));
      }
    }
    for (long[] b : bounds) {
      int chunk = (int) b[0];
      if (b[1] > chunks.get(chunk).capacity()) {
        throw new CorruptSegmentException(new File(dir, chunkName(chunk)).getPath(), chunks.get(chunk).capacity(),
            "truncated: an entry listed at line offset " + b[2] + " of meta.smoosh ends at " + b[1]);
      }
    }
    return new SmooshedFiles(dir, Collections.unmodifiableMap(entries), chunks);
  }

  private static int parse(String s, String path, long offset, String line) {
    try {
      int v = Integer.parseInt(s.trim());
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new CorruptSegmentException(path, offset, "number[" + s + "] in line[" + line + "] is not a count");
    }
  }

  public File dir() {
    return dir;
  }

  public boolean has(String name) {
    return entries.containsKey(name);
  }

  public List<String> names() {
    return new ArrayList<>(entries.keySet());
  }

  /** The bytes of entry {@code name}. */
  public ByteCursor entry(String name) {
    Entry e = entries.get(name);
    if (e == null) {
      throw new CorruptSegmentException(new File(dir, META_FILE).getPath(), 0, "has no entry[" + name + "]");
    }
    MappedByteBuffer chunk = chunks.get(e.chunk);
    return new ByteCursor(chunk.duplicate().position(e.start).limit(e.end), new File(dir, chunkName(e.chunk)).getPath(),
        e.start);
  }
}
