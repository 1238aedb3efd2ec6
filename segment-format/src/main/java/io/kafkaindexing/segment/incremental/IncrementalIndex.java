package io.kafkaindexing.segment.incremental;

import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.column.ValueType;
import io.kafkaindexing.segment.read.ColumnNames;
import io.kafkaindexing.segment.read.Segment;
import io.kafkaindexing.segment.read.SegmentMetadata;
import io.kafkaindexing.segment.read.SegmentView;
import io.kafkaindexing.segment.row.InputRow;
import io.kafkaindexing.segment.spec.DimensionSchema;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;

/**
 * The in-memory, row-oriented index that real-time ingestion adds rows to and queries read while
 * it grows (Druid's on-heap incremental index). Each row's time is truncated to the query
 * granularity; with rollup, rows with equal time and dimension values are merged by aggregating
 * their metrics; without, every row is kept. String dimensions are dictionary-encoded with a
 * bitmap index per value; typed dimensions store numbers. Dimensions come from the
 * {@link DimensionsSpec}, plus (when it discovers dimensions) every new name in
 * {@link InputRow#getDimensions()} except exclusions, the timestamp column and metric names and
 * inputs: as string dimensions, or with {@code useSchemaDiscovery} as dimensions whose type is
 * detected from their values ({@link AutoTypeDimensionIndexer}). Nulls are SQL-compatible: missing and null values are null and {@code ""} is distinct.
 *
 * <p>Thread safety: {@link #lock} guards every mutable field except the volatile counters. Any
 * number of threads may call {@link #add}; each call holds the write lock for one row. Readers go
 * through {@link #open()}: the returned view holds the read lock until closed, so it sees no
 * change and blocks writers meanwhile; keep views short and never add from a thread holding one.
 * The volatile counters are written under the write lock and read without it.
 */
public final class IncrementalIndex implements Segment {
  /**
   * Heap cost estimate of a new row besides its values, as before rows were stored in columns (row
   * object, dims array, list slot, rollup map entry): kept, so that {@code maxBytesInMemory}
   * persists where it did (an over-estimate now: {@link RowStore} needs 8 bytes and a reference per
   * dimension).
   */
  private static final int ROW_OVERHEAD_BYTES = 32 + 16 + 8 + 80;

  private final IncrementalIndexSchema schema;
  private final List<AggregatorFactory> metrics;
  private final Set<String> excludedFromDiscovery = new HashSet<>();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  /** Dimension indexers in schema order, by name too. Guarded by {@link #lock}. */
  private final List<DimensionIndexer> indexers = new ArrayList<>();
  private final Map<String, DimensionIndexer> indexerByName = new HashMap<>();
  /** Rows by id (arrival order). Guarded by {@link #lock}. */
  private final RowStore rows = new RowStore();
  /**
   * The encoded values of the row being added, by dimension position (reused; sized as dimensions are
   * added, so that add has no branch taken only by an index's first row, which would make the JIT
   * recompile add when the next index starts). Guarded by {@link #lock}.
   */
  private Object[] scratchDims = new Object[0];
  /** Rollup lookup; null without rollup. Guarded by {@link #lock}. */
  private final RollupTable rowsByKey;
  /** The parse errors of the row being added, reused from row to row. Guarded by {@link #lock}. */
  private final Set<String> rowParseErrors = new LinkedHashSet<>();
  /** Row ids by time; under rollup sorted by dimension values within a time when a view opens. */
  private final TimeOrderedRows timeIndex;
  private final InputRowSelectorFactory inputSelectors = new InputRowSelectorFactory();
  /** The rows' metrics by row id. Guarded by {@link #lock}. */
  private final MetricStore metricStore;
  /** Bytes of the rows and their metrics (indexes are counted by the indexers). Guarded by {@link #lock}. */
  private long rowBytes;

  private volatile int numRows;
  /** Largest truncated row time; meaningful once numRows > 0 (written before numRows). */
  private volatile long maxTime = Long.MIN_VALUE;
  private volatile long estimatedBytes;
  /** Largest untruncated time of the rows added; meaningful once numRows > 0. Guarded by {@link #lock}. */
  private long maxIngestedEventTime = Long.MIN_VALUE;

  public IncrementalIndex(IncrementalIndexSchema schema) {
    this.schema = schema;
    this.metrics = schema.getMetrics();
    this.rowsByKey = schema.isRollup() ? new RollupTable() : null;
    this.timeIndex = new TimeOrderedRows(schema.isRollup());
    this.metricStore = new MetricStore(metrics, inputSelectors);
    this.rowBytes = metricStore.baseBytes();
    DimensionsSpec dims = schema.getDimensionsSpec();
    excludedFromDiscovery.addAll(dims.getDimensionExclusions());
    excludedFromDiscovery.add(schema.getTimestampSpec().getTimestampColumn());
    excludedFromDiscovery.add(ColumnNames.TIME);
    for (AggregatorFactory m : metrics) {
      excludedFromDiscovery.add(m.getName());
      excludedFromDiscovery.addAll(m.requiredFields());
    }
    dims.getDimensions().forEach(this::addDimension);
  }

  public IncrementalIndexSchema getSchema() {
    return schema;
  }

  /**
   * Adds one row (or merges it into an equal one under rollup).
   *
   * @return the values that could not be stored (stored as null)
   * @throws IllegalArgumentException if the row's time is below the schema's minTimestamp
   */
  public IncrementalIndexAddResult add(InputRow row) {
    long rowTime = row.getTimestampFromEpoch();
    if (rowTime < schema.getMinTimestamp()) {
      throw new IllegalArgumentException("Cannot add row[" + row + "] because its time[" + iso(rowTime)
          + "] is below the minTimestamp[" + iso(schema.getMinTimestamp()) + "]");
    }
    long time = schema.getQueryGranularity().bucketStart(rowTime);
    lock.writeLock().lock();
    try {
      discoverDimensions(row);
      maxIngestedEventTime = Math.max(maxIngestedEventTime, rowTime);
      Set<String> parseErrors = rowParseErrors;
      parseErrors.clear();
      int dimensionCount = indexers.size();
      Object[] dims = scratchDims; // every position is written below; the row store copies the values
      for (int i = 0; i < dimensionCount; i++) {
        DimensionIndexer indexer = indexers.get(i);
        dims[indexer.position()] = indexer.encode(row.getRaw(indexer.name()), parseErrors);
      }
      inputSelectors.set(row, parseErrors);
      try {
        int target = rowsByKey == null ? -1 : rowsByKey.find(time, dims, timeIndex.idsAt(time), rows);
        if (target < 0) {
          target = newRow(time, dims);
        }
        metricStore.aggregate(target);
      } finally {
        inputSelectors.clear();
      }
      long bytes = rowBytes;
      for (int i = 0; i < dimensionCount; i++) {
        bytes += indexers.get(i).indexBytes();
      }
      estimatedBytes = bytes;
      return parseErrors.isEmpty() ? IncrementalIndexAddResult.NO_PARSE_ERRORS
          : new IncrementalIndexAddResult(List.copyOf(parseErrors));
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Stores a new row; returns its id. */
  private int newRow(long time, Object[] dims) {
    int rowId = rows.add(time, dims);
    long bytes = ROW_OVERHEAD_BYTES + 4L * dims.length + metricStore.addRow(rowId);
    for (int i = 0; i < indexers.size(); i++) {
      DimensionIndexer indexer = indexers.get(i);
      indexer.index(rowId, dims[indexer.position()]);
      bytes += indexer.rowBytes(dims[indexer.position()]);
    }
    rowBytes += bytes + timeIndex.add(time, rowId);
    if (rowsByKey != null) {
      rowsByKey.insert(rowId, time, dims, timeIndex.idsAt(time), rows);
    }
    if (time > maxTime || rows.size() == 1) {
      maxTime = time;
    }
    numRows = rows.size();
    return rowId;
  }

  private void discoverDimensions(InputRow row) {
    DimensionsSpec dims = schema.getDimensionsSpec();
    if (!dims.discoversDimensions()) {
      return;
    }
    for (String name : row.getDimensions()) {
      if (name != null && !indexerByName.containsKey(name) && !excludedFromDiscovery.contains(name)) {
        DimensionIndexer indexer = dims.isUseSchemaDiscovery() ? addAutoTypeDimension(name)
            : addDimension(DimensionSchema.of(name));
        indexer.backfillNulls(rows.size());
      }
    }
  }

  /** A discovered dimension whose type follows its values ({@code useSchemaDiscovery}). */
  private DimensionIndexer addAutoTypeDimension(String name) {
    DimensionIndexer indexer = new AutoTypeDimensionIndexer(name, indexers.size());
    return register(indexer);
  }

  private DimensionIndexer addDimension(DimensionSchema d) {
    int position = indexers.size();
    DimensionIndexer indexer = d.getType() == ValueType.STRING
        ? new StringDimensionIndexer(d.getName(), position, d.getMultiValueHandling(), d.isCreateBitmapIndex(),
            storedRows(position))
        : new NumericDimensionIndexer(d.getName(), position, d.getType());
    return register(indexer);
  }

  /** Adds a dimension at the next position; the row store and the scratch row grow to hold it. */
  private DimensionIndexer register(DimensionIndexer indexer) {
    indexers.add(indexer);
    indexerByName.put(indexer.name(), indexer);
    scratchDims = new Object[indexers.size()];
    rows.addDimensions(indexers.size());
    return indexer;
  }

  /** The stored rows as a string dimension reads them to build its bitmaps; called under the read lock. */
  private StringDimensionIndexer.StoredRows storedRows(int position) {
    return new StringDimensionIndexer.StoredRows() {
      @Override
      public int count() {
        return rows.size();
      }

      @Override
      public Object encodedValue(int rowId) {
        return rows.dim(rowId, position);
      }
    };
  }

  /** Stored rows (after rollup). */
  public int numRows() {
    return numRows;
  }

  public boolean isEmpty() {
    return numRows == 0;
  }

  /** Estimated heap bytes of rows, dictionaries and indexes; compare with maxBytesInMemory. */
  public long estimatedBytesInMemory() {
    return estimatedBytes;
  }

  /**
   * {@code [minTimestamp, queryGranularity.increment(max row time))}, or
   * {@code [minTimestamp, minTimestamp)} when empty, as Druid's incremental index reports it.
   */
  public Interval dataInterval() {
    long start = schema.getMinTimestamp();
    if (numRows == 0) {
      return new Interval(start, start, DateTimeZone.UTC);
    }
    return new Interval(start, schema.getQueryGranularity().increment(maxTime), DateTimeZone.UTC);
  }

  @Override
  public Interval getDataInterval() {
    return dataInterval();
  }

  /** Dimension names in schema order (discovered ones last). */
  public List<String> getDimensionNames() {
    lock.readLock().lock();
    try {
      List<String> names = new ArrayList<>(indexers.size());
      indexers.forEach(i -> names.add(i.name()));
      return Collections.unmodifiableList(names);
    } finally {
      lock.readLock().unlock();
    }
  }

  public List<String> getMetricNames() {
    List<String> names = new ArrayList<>(metrics.size());
    metrics.forEach(m -> names.add(m.getName()));
    return Collections.unmodifiableList(names);
  }

  public SegmentMetadata getMetadata() {
    return new SegmentMetadata(metrics, schema.getTimestampSpec(), schema.getQueryGranularity(), schema.isRollup());
  }

  /**
   * Opens a view holding the read lock until closed; see the class comment. Under rollup, rows
   * with equal times are read in Druid's real-time order: by each dimension's values in schema
   * order (null and missing first; multi-value rows value by value, then the shorter first);
   * without rollup in arrival order.
   */
  @Override
  public SegmentView open() {
    lock.readLock().lock();
    try {
      sortPendingRows();
      Map<String, DimensionIndexer> dims = new LinkedHashMap<>();
      indexers.forEach(i -> dims.put(i.name(), i));
      return new IncrementalIndexView(this, dims, rows, timeIndex, lock.readLock());
    } catch (RuntimeException | Error e) {
      lock.readLock().unlock();
      throw e;
    }
  }

  /**
   * Sorts the rows added since the last view opened. Runs under the read lock: writers are
   * excluded, and no open view can be reading the ids being sorted, because a view opened before
   * the adds would have blocked them and one opened after sorts first; the monitor makes concurrent
   * openers take turns.
   */
  private void sortPendingRows() {
    synchronized (timeIndex) {
      if (timeIndex.hasPending()) {
        indexers.forEach(DimensionIndexer::prepareCompare);
        timeIndex.sortPending(this::compareDimensions);
      }
    }
  }

  /** Orders two rows (of equal time) by their dimension values, nulls first. */
  private int compareDimensions(int leftId, int rightId) {
    for (DimensionIndexer indexer : indexers) {
      Object a = rows.dim(leftId, indexer.position());
      Object b = rows.dim(rightId, indexer.position());
      if (a == null || b == null) {
        if (a != b) {
          return a == null ? -1 : 1;
        }
        continue;
      }
      int c = indexer.compareEncoded(a, b);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Read under the read lock (by a view). */
  long maxIngestedEventTime() {
    return maxIngestedEventTime;
  }

  List<AggregatorFactory> metrics() {
    return metrics;
  }

  /** Read under the read lock (by a view). */
  MetricStore metricStore() {
    return metricStore;
  }

  private static String iso(long millis) {
    return new DateTime(millis, DateTimeZone.UTC).toString();
  }

  @Override
  public String toString() {
    return "IncrementalIndex{interval=" + dataInterval() + ", rows=" + numRows + "}";
  }
}
