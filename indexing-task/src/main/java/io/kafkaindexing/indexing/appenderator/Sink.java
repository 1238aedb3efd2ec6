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
 * format, under {@code persistDir/0}, {@code /1}...), the frozen in-memory indexes waiting to be
 * persisted, and the in-memory index taking new rows. It is announced once and queried through
 * its parts ({@link SegmentParts}); freezing and finishing a persist each swap the parts in one
 * step, so a query sees each row exactly once.
 *
 * <p>Threading: {@link #add} and {@link #freeze} run on the task thread only; {@link #persist}
 * of a frozen index may run on another thread (one at a time per sink, in freeze order);
 * {@link #parts()} may be called from any thread. State changes are serialised by the sink's
 * monitor; readers take the volatile {@code state} without it.
 */
final class Sink implements Segment, SegmentParts {
  /**
   * The parts at one moment; replaced as a whole. {@code settledRows} counts the rows of the frozen
   * and persisted parts, which no longer change, so that counting a sink's rows (the task does for
   * every sink after every poll) does not walk its parts.
   */
  private record State(List<PersistedSegment> persisted, List<IncrementalIndex> frozen, IncrementalIndex current,
      long settledRows) {
    static State of(List<PersistedSegment> persisted, List<IncrementalIndex> frozen, IncrementalIndex current) {
      long rows = 0;
      for (IncrementalIndex f : frozen) {
        rows += f.numRows();
      }
      for (PersistedSegment p : persisted) {
        rows += p.getNumRows();
      }
      return new State(persisted, frozen, current, rows);
    }
  }

  /** An index that takes no more rows, and the directory it is to be persisted in. */
  record Frozen(Sink sink, IncrementalIndex index, File dir) {
  }

  private final SegmentId id;
  private final IncrementalIndexSchema schema;
  private final File persistDir;
  /** Guarded by this; the next part's directory number (task thread only, under the monitor). */
  private int nextPart;
  private volatile State state;

  Sink(SegmentId id, IncrementalIndexSchema schema, File persistDir) {
    this.id = id;
    this.schema = schema;
    this.persistDir = persistDir;
    this.state = State.of(List.of(), List.of(), new IncrementalIndex(schema));
  }

  SegmentId id() {
    return id;
  }

  IncrementalIndexAddResult add(InputRow row) {
    return state.current().add(row);
  }

  /** Rows of the index taking new rows (frozen indexes not counted). */
  int rowsInMemory() {
    return state.current().numRows();
  }

  long bytesInMemory() {
    return state.current().estimatedBytesInMemory();
  }

  /** Rows in memory (taking rows or frozen) plus persisted rows. */
  long numRows() {
    State s = state;
    return s.settledRows() + s.current().numRows();
  }

  /**
   * Freezes the in-memory rows (they stay queryable) and starts an empty index; returns what
   * {@link #persist(Frozen)} must write, or null if there are no rows in memory. Task thread only.
   */
  synchronized Frozen freeze() {
    State s = state;
    if (s.current().isEmpty()) {
      return null;
    }
    Frozen f = new Frozen(this, s.current(), new File(persistDir, Integer.toString(nextPart++)));
    List<IncrementalIndex> frozen = new ArrayList<>(s.frozen());
    frozen.add(s.current());
    state = State.of(s.persisted(), List.copyOf(frozen), new IncrementalIndex(schema));
    return f;
  }

  /**
   * Writes a frozen index as a new persisted part and swaps it in for the index. Parts are
   * compressed with the fast LZ4 matcher: they stay on the task's disk and are merged (and
   * compressed at high ratio) before the push. On failure the index stays queryable in memory.
   */
  void persist(Frozen f) throws IOException {
    SegmentWriter.persist(f.index(), id.interval(), f.dir(), BlockCompression.LZ4_FAST);
    PersistedSegment loaded = PersistedSegment.load(f.dir());
    synchronized (this) {
      State s = state;
      List<PersistedSegment> persisted = new ArrayList<>(s.persisted());
      persisted.add(loaded);
      List<IncrementalIndex> frozen = new ArrayList<>(s.frozen());
      frozen.remove(f.index());
      state = State.of(List.copyOf(persisted), List.copyOf(frozen), s.current());
    }
  }

  /** Freezes and persists on the calling thread. Task thread only. */
  void persist() throws IOException {
    Frozen f = freeze();
    if (f != null) {
      persist(f);
    }
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
    List<Segment> parts = new ArrayList<>(s.persisted().size() + s.frozen().size() + 1);
    parts.addAll(s.persisted());
    parts.addAll(s.frozen());
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
