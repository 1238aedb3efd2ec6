package io.kafkaindexing.segment.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;

/**
 * The {@code index.drd} entry of a v9 segment (written by Druid's {@code IndexMergerV9}):
 * <pre>
 *   GenericIndexed&lt;String&gt;  columns with data: metrics (sorted by name), then dimensions
 *   GenericIndexed&lt;String&gt;  dimensions with data, in schema order
 *   long   interval start (epoch millis, big-endian)
 *   long   interval end
 *   int    length, then UTF-8 JSON of the bitmap serde factory: {"type":"roaring"}
 *   [GenericIndexed&lt;String&gt;  all columns, null where a column has data and the name where it
 *                            holds only nulls (and is stored without data)
 *    GenericIndexed&lt;String&gt;  all dimensions, the same way]     written since Druid 0.23
 * </pre>
 * Each list's sorted flag is set as Druid's {@code GenericIndexed.fromIterable} sets it: when every
 * non-null name is followed by a greater one (a list of nulls counts as sorted). The column order with null-only columns restored is {@link #allColumns()}. Immutable.
 */
public record IndexDrd(List<String> columns, List<String> dimensions, Interval interval, List<String> allColumns,
    List<String> allDimensions) {
  public static final String NAME = "index.drd";
  private static final String ROARING = "{\"type\":\"roaring\"}";

  public IndexDrd {
    columns = List.copyOf(columns);
    dimensions = List.copyOf(dimensions);
    allColumns = Collections.unmodifiableList(new ArrayList<>(allColumns));
    allDimensions = Collections.unmodifiableList(new ArrayList<>(allDimensions));
  }

  /** An index.drd where every column has data. */
  public static IndexDrd of(List<String> columns, List<String> dimensions, Interval interval) {
    return new IndexDrd(columns, dimensions, interval, Collections.nCopies(columns.size(), null),
        Collections.nCopies(dimensions.size(), null));
  }

  public static IndexDrd read(ByteCursor in) {
    List<String> columns = strings(in);
    List<String> dims = strings(in);
    long startAt = in.fileOffset();
    long start = in.int64();
    long end = in.int64();
    if (end < start) {
      throw new CorruptSegmentException(in.file(), startAt, "interval end[" + end + "] is before start[" + start + "]");
    }
    long jsonAt = in.fileOffset();
    int length = in.count("bitmap serde factory length", in.remaining());
    String json = StandardCharsets.UTF_8.decode(in.take(length, "bitmap serde factory").buffer()).toString();
    String type;
    try {
      JsonNode node = new ObjectMapper().readTree(json);
      type = node == null ? null : node.path("type").asText(null);
    } catch (IOException e) {
      throw new CorruptSegmentException(in.file(), jsonAt, "bitmap serde factory is not JSON: " + json, e);
    }
    if (!"roaring".equals(type)) {
      throw new CorruptSegmentException(in.file(), jsonAt, "bitmap serde factory[" + json
          + "] is not supported; only roaring");
    }
    List<String> allColumns = new ArrayList<>(Collections.nCopies(columns.size(), null));
    List<String> allDims = new ArrayList<>(Collections.nCopies(dims.size(), null));
    if (in.hasRemaining()) {
      allColumns = strings(in);
      allDims = strings(in);
    }
    return new IndexDrd(columns, dims, new Interval(start, end, DateTimeZone.UTC), allColumns, allDims);
  }

  private static List<String> strings(ByteCursor in) {
    GenericIndexed gi = GenericIndexed.read(in, null);
    List<String> out = new ArrayList<>(gi.size());
    for (int i = 0; i < gi.size(); i++) {
      ByteBuffer b = gi.get(i);
      out.add(b == null ? null : StandardCharsets.UTF_8.decode(b).toString());
    }
    return out;
  }

  /** Columns in segment order, null-only ones included (Druid's {@code restoreColumns}). */
  public List<String> allColumnsInOrder() {
    return restore(columns, allColumns);
  }

  /** Dimensions in schema order, null-only ones included. */
  public List<String> allDimensionsInOrder() {
    return restore(dimensions, allDimensions);
  }

  private static List<String> restore(List<String> withData, List<String> all) {
    List<String> out = new ArrayList<>();
    int next = 0;
    for (String name : all) {
      if (name == null) {
        if (next < withData.size()) {
          out.add(withData.get(next++));
        }
      } else {
        out.add(name);
      }
    }
    while (next < withData.size()) {
      out.add(withData.get(next++));
    }
    return out;
  }

  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(GenericIndexed.write(utf8(columns), sorted(columns)));
    out.writeBytes(GenericIndexed.write(utf8(dimensions), sorted(dimensions)));
    byte[] json = ROARING.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(ByteBuffer.allocate(16 + 4 + json.length).putLong(interval.getStartMillis())
        .putLong(interval.getEndMillis()).putInt(json.length).put(json).array());
    out.writeBytes(GenericIndexed.write(utf8(allColumns), sorted(allColumns)));
    out.writeBytes(GenericIndexed.write(utf8(allDimensions), sorted(allDimensions)));
    return out.toByteArray();
  }

  private static boolean sorted(List<String> names) {
    String prev = null;
    for (String next : names) {
      if (prev != null && (next == null || prev.compareTo(next) >= 0)) {
        return false;
      }
      prev = next;
    }
    return true;
  }

  private static List<byte[]> utf8(List<String> names) {
    List<byte[]> out = new ArrayList<>(names.size());
    names.forEach(n -> out.add(n == null ? null : n.getBytes(StandardCharsets.UTF_8)));
    return out;
  }
}
