package io.kafkaindexing.indexing.appenderator;

import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.format.BlockCompression;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.incremental.IncrementalIndexAddResult;
import io.kafkaindexing.segment.incremental.IncrementalIndexSchema;
import io.kafkaindexing.segment.persisted.PersistedSegment;
import io.kafkaindexing.segment.persisted.SegmentWriter;
import io.kafkaindexing.segment.read.Segment;
import io.kafkaindexing.segment.read.SegmentParts;
import io.kafkaindexing.segment.read.SegmentView;
import io.kafkaindexing.segment.row.InputRow;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Interval;

/**
 * The rows a task holds for one segment: the parts persisted so far (memory-mapped, in Druid's
 * format, under {@code persistDir/0}, {@code /1}...) and the in-memory index taking new rows. It is
 * announced once and queried through its parts ({@link SegmentParts}); a persist swaps the parts
 * in one step, so a query sees each row exactly once.
 *
 * <p>Threading: {@link #add} and {@link #persist} run on the task thread only; {@link #parts()}
 * may be called from any thread.
 */
final class Sink implements Segment, SegmentParts {
  /** The parts at one moment; replaced as a whole. */
  private record State(List<PersistedSegment> persisted, IncrementalIndex current) {
  }

  private final SegmentId id;
  private final IncrementalIndexSchema schema;
  private final File persistDir;
  private volatile State state;

  Sink(SegmentId id, IncrementalIndexSchema schema, File persistDir) {
    this.id = id;
    this.schema = schema;
    this.persistDir = persistDir;
    this.state = new State(List.of(), new IncrementalIndex(schema));
  }

  SegmentId id() {
    return id;
  }

  IncrementalIndexAddResult add(InputRow row) {
    return state.current().add(row);
  }

  int rowsInMemory() {
    return state.current().numRows();
  }

  long bytesInMemory() {
    return state.current().estimatedBytesInMemory();
  }

  /** Rows in memory plus persisted rows. */
  long numRows() {
    State s = state;
    long rows = s.current().numRows();
    for (PersistedSegment p : s.persisted()) {
      rows += p.getNumRows();
    }
    return rows;
  }

  /**
   * Writes the in-memory rows as a new persisted part and starts an empty index; nothing happens
   * if there are no rows in memory. Parts are compressed with the fast LZ4 matcher: they stay on
   * the task's disk and are merged (and compressed at high ratio) before the push.
   */
  void persist() throws IOException {
    State s = state;
    if (s.current().isEmpty()) {
      return;
    }
    File dir = new File(persistDir, Integer.toString(s.persisted().size()));
    SegmentWriter.persist(s.current(), id.interval(), dir, BlockCompression.LZ4_FAST);
    PersistedSegment loaded = PersistedSegment.load(dir);
    List<PersistedSegment> persisted = new ArrayList<>(s.persisted());
    persisted.add(loaded);
    state = new State(List.copyOf(persisted), new IncrementalIndex(schema));
  }

  /** The persisted parts, in persist order. */
  List<PersistedSegment> persistedParts() {
    return state.persisted();
  }

  /** The directories of the persisted parts, in persist order. */
  List<File> persistedDirectories() {
    List<File> dirs = new ArrayList<>();
    state.persisted().forEach(p -> dirs.add(p.getDirectory()));
    return dirs;
  }

  @Override
  public List<Segment> parts() {
    State s = state;
    List<Segment> parts = new ArrayList<>(s.persisted().size() + 1);
    parts.addAll(s.persisted());
    parts.add(s.current());
    return parts;
  }

  @Override
  public Interval getDataInterval() {
    return id.interval();
  }

  /** A sink is read through its parts, never opened as a whole. */
  @Override
  public SegmentView open() {
    throw new UnsupportedOperationException("Sink[" + id + "] is queried through its parts");
  }

  /** Releases the memory-mapped parts; the sink must be unannounced first. */
  void close() {
    for (PersistedSegment p : state.persisted()) {
      p.close();
    }
  }

  @Override
  public String toString() {
    return "Sink{" + id + "}";
  }
}
