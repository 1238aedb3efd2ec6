package io.kafkaindexing.query;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Feeds a {@link QueryToolkit.PartialFold} the partials of a query's segments in segment order
 * while the segments are read on several threads: the thread that finishes a segment folds every
 * partial that is now next in order, unless another thread is folding (which then picks it up
 * before it lets go). Segments without rows count as done with no partial. Thread-safe.
 */
final class OrderedFold<P> {
  private static final Object NO_PARTIAL = new Object();

  private final QueryToolkit.PartialFold<P> fold;
  private final AtomicReferenceArray<Object> done;
  private final ReentrantLock lock = new ReentrantLock();
  /** The next segment to fold; written under {@link #lock}, read outside it to re-check. */
  private volatile int next;

  OrderedFold(QueryToolkit.PartialFold<P> fold, int segments) {
    this.fold = fold;
    this.done = new AtomicReferenceArray<>(segments);
  }

  /** Segment {@code index} is done with {@code partial} (null: no rows); folds what is next in order. */
  void put(int index, P partial) {
    done.set(index, partial == null ? NO_PARTIAL : partial);
    drain(false);
  }

  /** The answer once every segment is done. */
  List<?> finish() {
    drain(true);
    if (next != done.length()) {
      throw new IllegalStateException("Segments " + next + ".." + (done.length() - 1) + " are not done");
    }
    return fold.finish();
  }

  @SuppressWarnings("unchecked")
  private void drain(boolean wait) {
    while (true) {
      if (wait) {
        lock.lock();
      } else if (!lock.tryLock()) {
        return; // the folding thread re-checks after letting go, so it sees this segment
      }
      try {
        int i = next;
        for (Object r; i < done.length() && (r = done.get(i)) != null; i++) {
          if (r != NO_PARTIAL) {
            fold.add((P) r);
          }
        }
        next = i;
      } finally {
        lock.unlock();
      }
      int i = next;
      if (i >= done.length() || done.get(i) == null) {
        return;
      }
    }
  }
}
