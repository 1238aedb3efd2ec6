package io.kafkaindexing.segment.persisted;

import io.kafkaindexing.segment.format.ByteCursor;
import io.kafkaindexing.segment.format.CorruptSegmentException;
import io.kafkaindexing.segment.format.IndexDrd;
import io.kafkaindexing.segment.format.MetadataDrd;
import io.kafkaindexing.segment.format.SmooshedFiles;
import io.kafkaindexing.segment.read.ColumnNames;
import io.kafkaindexing.segment.read.Segment;
import io.kafkaindexing.segment.read.SegmentClosedException;
import io.kafkaindexing.segment.read.SegmentMetadata;
import io.kafkaindexing.segment.read.SegmentView;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.joda.time.Interval;

/**
 * A memory-mapped Druid v9 segment directory ({@code version.bin}, {@code meta.smoosh},
 * {@code 00000.smoosh}..., {@code factory.json}) served through the segment read API. Loading
 * reads and checks every structure's header and offsets, so a truncated or corrupted file is
 * refused at {@link #load} with a {@link CorruptSegmentException} naming the file and offset;
 * column data (compressed blocks, bitmaps) is decoded lazily while querying. Thread-safe: views
 * are independent; {@link #close()} refuses new views with a {@link SegmentClosedException} (the
 * mapping is released by the garbage collector once no view uses it).
 */
public final class PersistedSegment implements Segment, Closeable {
  public static final int FORMAT_VERSION = 9;
  public static final String VERSION_FILE = "version.bin";

  private final File dir;
  private final SmooshedFiles files;
  private final IndexDrd index;
  private final MetadataDrd metadata;
  private final Map<String, PersistedColumn> columns;
  private final int numRows;
  private volatile boolean closed;
  /**
   * Block sums of numeric columns by form and name ({@code 'L'} of longs, {@code 'W'} of whole
   * doubles; {@link #NO_BLOCK_SUMS} when a column has none), computed on first use. Small (8 bytes
   * per 1,024 rows), so kept for the segment's life rather than in the {@link DecodedColumnCache},
   * whose large arrays would push them out: a segment's sums then never need a decoded column again.
   */
  private final Map<String, long[]> blockSums = new ConcurrentHashMap<>();
  private static final long[] NO_BLOCK_SUMS = new long[0];
  /** {first row's time, last row's time}, read on first use (rows are in time order); null before. */
  private volatile long[] timeBounds;

  private PersistedSegment(File dir, SmooshedFiles files, IndexDrd index, MetadataDrd metadata,
      Map<String, PersistedColumn> columns, int numRows) {
    this.dir = dir;
    this.files = files;
    this.index = index;
    this.metadata = metadata;
    this.columns = columns;
    this.numRows = numRows;
  }

  /**
   * Maps the segment in {@code dir}.
   *
   * @throws CorruptSegmentException if a file does not follow the format (naming file and offset)
   * @throws IOException if a file cannot be read
   */
  public static PersistedSegment load(File dir) throws IOException {
    File versionFile = new File(dir, VERSION_FILE);
    byte[] version = Files.readAllBytes(versionFile.toPath());
    if (version.length != 4) {
      throw new CorruptSegmentException(versionFile.getPath(), 0, "expected 4 bytes but found " + version.length);
    }
    int v = java.nio.ByteBuffer.wrap(version).getInt();
    if (v != FORMAT_VERSION) {
      throw new CorruptSegmentException(versionFile.getPath(), 0, "segment format version[" + v
          + "] is not supported; only 9");
    }
    SmooshedFiles files = SmooshedFiles.open(dir);
    IndexDrd index = IndexDrd.read(files.entry(IndexDrd.NAME));
    MetadataDrd metadata = files.has(MetadataDrd.NAME) ? MetadataDrd.read(files.entry(MetadataDrd.NAME)) : null;
    Map<String, PersistedColumn> columns = new LinkedHashMap<>();
    PersistedColumn time = ColumnLoader.load(files, ColumnNames.TIME);
    if (!(time instanceof PersistedColumn.Numeric n) || n.values().kind() != io.kafkaindexing.segment.format.CompressedNumericColumn.Kind.LONG) {
      ByteCursor at = files.entry(ColumnNames.TIME);
      throw new CorruptSegmentException(at.file(), at.fileOffset(), "column[__time] is not a long column");
    }
    columns.put(ColumnNames.TIME, time);
    int rows = time.numRows();
    for (String name : index.allColumnsInOrder()) {
      PersistedColumn column = files.has(name) ? ColumnLoader.load(files, name)
          : new PersistedColumn.AllNull(io.kafkaindexing.segment.column.ValueType.STRING, rows);
      if (column.numRows() != rows) {
        ByteCursor at = files.entry(name);
        throw new CorruptSegmentException(at.file(), at.fileOffset(), "column[" + name + "] has " + column.numRows()
            + " rows but __time has " + rows);
      }
      columns.put(name, column);
    }
    return new PersistedSegment(dir, files, index, metadata, Collections.unmodifiableMap(columns), rows);
  }

  public File getDirectory() {
    return dir;
  }

  @Override
  public Interval getDataInterval() {
    return index.interval();
  }

  public int getNumRows() {
    return numRows;
  }

  /** Dimensions in schema order. */
  public List<String> getDimensionNames() {
    return index.allDimensionsInOrder();
  }

  /** Metric columns in stored order (sorted by name). */
  public List<String> getMetricNames() {
    List<String> metrics = new ArrayList<>();
    List<String> dims = getDimensionNames();
    for (String c : index.allColumnsInOrder()) {
      if (!dims.contains(c)) {
        metrics.add(c);
      }
    }
    return metrics;
  }

  /** What metadata.drd says, or an empty metadata when the segment has none. */
  public SegmentMetadata getMetadata() {
    return metadata == null ? new SegmentMetadata(List.of(), null, null, null) : metadata.metadata();
  }

  /** The raw metadata.drd, or null. */
  public MetadataDrd getMetadataDrd() {
    return metadata;
  }

  /** True when some row of {@code column} is null (numeric null bitmaps, string null values, complex nulls). */
  public boolean hasNulls(String column) {
    PersistedColumn c = columns.get(column);
    if (c instanceof PersistedColumn.Numeric n) {
      return !n.nulls().isEmpty();
    }
    if (c instanceof PersistedColumn.Strings s) {
      return s.part().dictionary().size() > 0 && s.part().dictionary().get(0) == null;
    }
    // complex columns are reported as possibly null, as Druid does
    return c instanceof PersistedColumn.Complex || c instanceof PersistedColumn.AllNull;
  }

  /** The complex type name ({@code hyperUnique}...) of a complex column, else null. */
  public String complexTypeName(String column) {
    return columns.get(column) instanceof PersistedColumn.Complex x ? x.part().typeName() : null;
  }

  /** Bytes the column's entry takes in the smoosh file, 0 if it has none. */
  public long columnBytes(String column) {
    return files.has(column) ? files.entry(column).remaining() : 0;
  }

  Map<String, PersistedColumn> columns() {
    return columns;
  }

  /**
   * The first and last row's time, {@code {min, max}} since rows are stored in time order; read once,
   * so that queries do not decompress the time column to clip their intervals. The segment must have rows.
   */
  long[] timeBounds() {
    long[] bounds = timeBounds;
    if (bounds == null) {
      if (numRows == 0) {
        throw new IllegalStateException("Segment[" + dir + "] has no rows");
      }
      io.kafkaindexing.segment.format.CompressedNumericColumn.Reader time =
          ((PersistedColumn.Numeric) columns.get(ColumnNames.TIME)).values().reader();
      bounds = new long[] {time.getLong(0), time.getLong(numRows - 1)};
      timeBounds = bounds;
    }
    return bounds;
  }

  /** The block sums of {@code column} in {@code form}, computed by {@code compute} (null: none) on first use. */
  long[] blockSums(String column, char form, Supplier<long[]> compute) {
    long[] sums = blockSums.computeIfAbsent(form + column, k -> {
      long[] computed = compute.get();
      return computed == null ? NO_BLOCK_SUMS : computed;
    });
    return sums == NO_BLOCK_SUMS ? null : sums;
  }

  @Override
  public SegmentView open() {
    if (closed) {
      throw new SegmentClosedException("Segment[" + dir + "] is closed");
    }
    return new PersistedSegmentView(this);
  }

  @Override
  public void close() {
    closed = true;
    DecodedColumnCache.get().invalidate(this);
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return "PersistedSegment{dir=" + dir + ", interval=" + getDataInterval() + ", rows=" + numRows + "}";
  }
}
