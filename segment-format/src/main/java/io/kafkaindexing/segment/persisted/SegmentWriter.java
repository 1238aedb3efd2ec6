package io.kafkaindexing.segment.persisted;

import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.column.ValueType;
import io.kafkaindexing.segment.format.BlockCompression;
import io.kafkaindexing.segment.format.IndexDrd;
import io.kafkaindexing.segment.format.MetadataDrd;
import io.kafkaindexing.segment.format.SmooshWriter;
import io.kafkaindexing.segment.format.SmooshedFiles;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.read.ColumnNames;
import io.kafkaindexing.segment.read.SegmentMetadata;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.joda.time.Interval;

/**
 * Persists rows as a Druid v9 segment directory ({@code version.bin}, {@code factory.json},
 * {@code meta.smoosh}, {@code 00000.smoosh}), in the layout Druid 33's {@code IndexMergerV9}
 * writes with the default IndexSpec: LZ4 blocks for {@code __time} and numeric columns, sorted
 * UTF-8 dictionaries with compressed ids and a Roaring bitmap per value for strings, V2 numeric
 * parts with null bitmaps, then {@code index.drd} and {@code metadata.drd}. Stateless and
 * thread-safe; the caller must not add to an incremental index while it is being persisted by
 * another thread (see {@link IncrementalIndex#open()}).
 */
public final class SegmentWriter {
  static final String FACTORY_FILE = "factory.json";
  static final String FACTORY_JSON = "{\"type\":\"mMapSegmentFactory\"}";

  private SegmentWriter() {}

  /**
   * Writes the rows of {@code index} to {@code dir} (created if needed, must hold no segment) as a
   * segment covering {@code interval}; rows outside it are left out.
   *
   * @return {@code dir}
   */
  public static File persist(IncrementalIndex index, Interval interval, File dir) throws IOException {
    return persist(index, interval, dir, BlockCompression.LZ4_HIGH);
  }

  /**
   * As {@link #persist(IncrementalIndex, Interval, File)}, compressing the columns' blocks with
   * {@code compression} (e.g. {@link BlockCompression#LZ4_FAST} for intermediate persists).
   */
  public static File persist(IncrementalIndex index, Interval interval, File dir, BlockCompression compression)
      throws IOException {
    return SegmentMerger.merge(List.of(index), interval, dir, index.getMetadata(), compression);
  }

  /**
   * Writes sorted (and rolled-up) rows with their metadata. On failure (e.g. a full disk) the
   * files written so far are deleted, so {@code dir} never holds a partial segment.
   */
  static File write(MergedColumns table, Interval interval, SegmentMetadata metadata, File dir,
      BlockCompression compression) throws IOException {
    Files.createDirectories(dir.toPath());
    if (new File(dir, PersistedSegment.VERSION_FILE).exists() || new File(dir, SmooshedFiles.META_FILE).exists()) {
      throw new IOException("Directory[" + dir + "] already holds a segment");
    }
    try {
      return writeFiles(table, interval, metadata, dir, compression);
    } catch (IOException | RuntimeException | Error e) {
      for (String name : new String[] {PersistedSegment.VERSION_FILE, FACTORY_FILE, SmooshedFiles.META_FILE,
          SmooshedFiles.chunkName(0)}) {
        Files.deleteIfExists(new File(dir, name).toPath());
      }
      throw e;
    }
  }

  private static File writeFiles(MergedColumns table, Interval interval, SegmentMetadata metadata, File dir,
      BlockCompression compression) throws IOException {
    SegmentSchema schema = table.schema();
    int n = table.size();
    try (SmooshWriter smoosh = new SmooshWriter(dir)) {
      smoosh.add(ColumnNames.TIME, ColumnBytes.numeric(ValueType.LONG, table.timeNumbers(), compression));
      List<String> columns = new ArrayList<>();
      for (int m = 0; m < schema.metrics().size(); m++) {
        SegmentSchema.Column c = schema.metrics().get(m);
        smoosh.add(c.name(), c.type() == ValueType.COMPLEX ? ColumnBytes.complex(c.complexTypeName(), table.metric(m))
            : ColumnBytes.numeric(c.type(), table.metricNumbers(m), compression));
        columns.add(c.name());
      }
      List<String> withData = new ArrayList<>(columns);
      List<String> dimsWithData = new ArrayList<>();
      List<String> allColumns = new ArrayList<>(java.util.Collections.nCopies(columns.size(), null));
      List<String> allDims = new ArrayList<>();
      for (int d = 0; d < schema.dimensions().size(); d++) {
        SegmentSchema.Column c = schema.dimensions().get(d);
        List<Object> values = table.dimension(d);
        if (ColumnBytes.onlyNulls(values)) {
          smoosh.add(c.name(), ColumnBytes.nullOnly(c.type(), n));
          allColumns.add(c.name());
          allDims.add(c.name());
          continue;
        }
        smoosh.add(c.name(), c.type() == ValueType.STRING ? ColumnBytes.strings(values, table.dimensionSourceIds(d),
            table.dimensionSourceCardinality(d), c.multiValue(), compression)
            : ColumnBytes.numeric(c.type(), table.dimensionNumbers(d), compression));
        withData.add(c.name());
        dimsWithData.add(c.name());
        allColumns.add(null);
        allDims.add(null);
      }
      smoosh.add(IndexDrd.NAME, new IndexDrd(withData, dimsWithData, interval, allColumns, allDims).toBytes());
      smoosh.add(MetadataDrd.NAME, metadataDrd(metadata, schema).toBytes());
    }
    Files.writeString(new File(dir, FACTORY_FILE).toPath(), FACTORY_JSON, StandardCharsets.UTF_8);
    // version.bin last: a directory with it holds a complete segment
    Files.write(new File(dir, PersistedSegment.VERSION_FILE).toPath(), new byte[] {0, 0, 0, 9});
    return dir;
  }

  /** metadata.drd: the combining aggregators sorted by name, ordering __time then the dimensions. */
  static MetadataDrd metadataDrd(SegmentMetadata metadata, SegmentSchema schema) {
    List<AggregatorFactory> stored = new ArrayList<>();
    metadata.aggregators().forEach(a -> stored.add(a.getCombiningFactory()));
    stored.sort(Comparator.comparing(AggregatorFactory::getName));
    List<String> ordering = new ArrayList<>();
    ordering.add(ColumnNames.TIME);
    schema.dimensions().forEach(d -> ordering.add(d.name()));
    return MetadataDrd.of(new SegmentMetadata(stored, metadata.timestampSpec(), metadata.queryGranularity(),
        metadata.rollup()), ordering);
  }
}
