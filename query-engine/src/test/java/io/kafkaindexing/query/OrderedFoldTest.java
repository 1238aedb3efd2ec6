package io.kafkaindexing.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OrderedFoldTest {
  /** Records what it was given; fails if two threads fold at once. */
  private static final class Recording implements QueryToolkit.PartialFold<Integer> {
    final List<Integer> added = new ArrayList<>();
    private volatile boolean inside;

    @Override
    public void add(Integer partial) {
      if (inside) {
        throw new AssertionError("two threads folding at once");
      }
      inside = true;
      added.add(partial);
      Thread.onSpinWait();
      inside = false;
    }

    @Override
    public List<?> finish() {
      return List.copyOf(added);
    }
  }

  @Test
  void segmentsFinishingInAnyOrderOnSeveralThreadsAreFoldedInSegmentOrder() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Random random = new Random(3);
      for (int round = 0; round < 300; round++) {
        int n = 1 + random.nextInt(40);
        Recording recording = new Recording();
        OrderedFold<Integer> fold = new OrderedFold<>(recording, n);
        List<Integer> order = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          order.add(i);
          if (i % 5 != 3) {
            expected.add(i * 10);
          }
        }
        Collections.shuffle(order, random);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          int thread = t;
          futures.add(pool.submit(() -> {
            start.await();
            for (int k = thread; k < n; k += 4) {
              int segment = order.get(k);
              fold.put(segment, segment % 5 == 3 ? null : segment * 10); // every fifth has no rows
            }
            return null;
          }));
        }
        start.countDown();
        for (Future<?> f : futures) {
          f.get(10, TimeUnit.SECONDS);
        }
        assertEquals(expected, fold.finish(), "round " + round);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void finishBeforeEverySegmentIsDoneIsAnError() {
    OrderedFold<Integer> fold = new OrderedFold<>(new Recording(), 3);
    fold.put(0, 1);
    fold.put(2, 3);
    try {
      fold.finish();
      throw new AssertionError("expected IllegalStateException");
    } catch (IllegalStateException e) {
      assertEquals("Segments 1..2 are not done", e.getMessage());
    }
  }
}
