package io.kafkaindexing.segment.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaindexing.segment.SegmentJacksonModule;
import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.format.MetadataDrd;
import io.kafkaindexing.segment.persisted.PersistedSegment;
import io.kafkaindexing.segment.read.ColumnIndexSupplier;
import io.kafkaindexing.segment.read.DictionaryEncodedValueIndex;
import io.kafkaindexing.segment.read.SegmentMetadata;
import io.kafkaindexing.segment.read.SegmentView;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The operator's {@code dump-segment}: prints a persisted segment directory as JSON, with the
 * options of Druid's tool of that name.
 * <pre>
 *   DumpSegment --directory DIR [--dump rows|metadata|bitmaps] [--time-iso8601]
 *               [--decompress-bitmaps] [--out FILE]
 * </pre>
 * {@code rows}: one JSON object per row, in stored order. {@code bitmaps}: each string column's
 * value bitmaps (base64 Roaring, or row numbers with {@code --decompress-bitmaps}).
 * {@code metadata}: a segmentMetadata-style analysis (types, multi-value, nulls, cardinality,
 * min/max of strings, rows, aggregators, timestampSpec, queryGranularity, rollup); unlike Druid's
 * estimated sizes, {@code size} is the column's bytes on disk. Exits with status 1 and a message
 * on stderr for bad arguments or a corrupted segment. Stateless.
 */
public final class DumpSegment {
  private DumpSegment() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the tool; returns the exit status. */
  public static int run(String[] args, PrintStream stdout, PrintStream stderr) {
    String directory = null;
    String dump = "rows";
    String out = null;
    boolean iso = false;
    boolean decompress = false;
    try {
      for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "-d", "--directory" -> directory = value(args, ++i, a);
        case "--dump" -> dump = value(args, ++i, a).toLowerCase(Locale.ROOT);
        case "-o", "--out" -> out = value(args, ++i, a);
        case "--time-iso8601" -> iso = true;
        case "--decompress-bitmaps" -> decompress = true;
        case "-h", "--help" -> {
          stdout.println("usage: dump-segment --directory DIR [--dump rows|metadata|bitmaps] [--time-iso8601]"
              + " [--decompress-bitmaps] [--out FILE]");
          return 0;
        }
        default -> throw new IllegalArgumentException("Unknown option[" + a + "]; see --help");
      }
      }
    } catch (IllegalArgumentException e) {
      stderr.println(e.getMessage());
      return 1;
    }
    if (directory == null) {
      stderr.println("Option[--directory] is required");
      return 1;
    }
    if (!dump.equals("rows") && !dump.equals("metadata") && !dump.equals("bitmaps")) {
      stderr.println("Option[--dump] must be rows, metadata or bitmaps, not[" + dump + "]");
      return 1;
    }
    try (PersistedSegment segment = PersistedSegment.load(new File(directory));
        SegmentView view = segment.open();
        OutputStream sink = out == null ? new NonClosing(stdout)
            : new BufferedOutputStream(new FileOutputStream(out), 1 << 16)) {
      switch (dump) {
        case "rows" -> SegmentDumper.dumpRows(view, iso, sink);
        case "bitmaps" -> SegmentDumper.dumpBitmaps(view, decompress, sink);
        default -> sink.write(metadata(segment, view).toString().getBytes(StandardCharsets.UTF_8));
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      stderr.println("Cannot dump segment[" + directory + "]: " + e.getMessage());
      return 1;
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException("Option[" + option + "] needs a value");
    }
    return args[i];
  }

  /** The segmentMetadata-style analysis. */
  static JsonNode metadata(PersistedSegment segment, SegmentView view) throws IOException {
    ObjectMapper mapper = new ObjectMapper().registerModule(new SegmentJacksonModule());
    ObjectNode root = mapper.createObjectNode();
    root.put("id", "segment_" + segment.getDataInterval().getStart() + "_" + segment.getDataInterval().getEnd()
        + "_dummy_version");
    root.putArray("intervals").add(segment.getDataInterval().toString());
    ObjectNode columns = root.putObject("columns");
    long total = 0;
    for (String c : SegmentDumper.columns(view)) {
      ColumnCapabilities caps = view.getColumnCapabilities(c);
      ObjectNode col = columns.putObject(c);
      String complex = segment.complexTypeName(c);
      col.put("typeSignature", complex == null ? caps.type().name() : "COMPLEX<" + complex + ">");
      col.put("type", complex == null ? caps.type().name() : complex);
      col.put("hasMultipleValues", caps.hasMultipleValues());
      ColumnIndexSupplier supplier = view.getIndexSupplier(c);
      DictionaryEncodedValueIndex index = supplier == null ? null : supplier.as(DictionaryEncodedValueIndex.class);
      col.put("hasNulls", index != null ? index.getId(null) >= 0 : segment.hasNulls(c));
      long size = segment.columnBytes(c);
      total += size;
      col.put("size", size);
      if (index != null) {
        col.put("cardinality", index.getCardinality());
        col.put("minValue", index.getCardinality() == 0 ? null : index.getValue(0));
        col.put("maxValue", index.getCardinality() == 0 ? null : index.getValue(index.getCardinality() - 1));
      } else {
        col.putNull("cardinality");
        col.putNull("minValue");
        col.putNull("maxValue");
      }
      col.putNull("errorMessage");
    }
    root.put("size", total);
    root.put("numRows", view.getNumRows());
    MetadataDrd drd = segment.getMetadataDrd();
    SegmentMetadata meta = segment.getMetadata();
    ObjectNode aggs = root.putObject("aggregators");
    if (drd != null) {
      drd.aggregatorJson().forEach(a -> aggs.set(a.path("name").asText(), a));
    }
    root.set("timestampSpec", mapper.valueToTree(meta.timestampSpec()));
    root.set("queryGranularity", mapper.valueToTree(meta.queryGranularity()));
    if (meta.rollup() == null) {
      root.putNull("rollup");
    } else {
      root.put("rollup", meta.rollup());
    }
    return root;
  }

  /** Flushes instead of closing the caller's stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
