package io.kafkaindexing.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * {@code QueryExecutor.inParallel}, which both paths of a query's segments go through: the calling
 * thread alone when the work is small, the calling thread and the pool otherwise.
 */
class QueryExecutorParallelTest {
  @Test
  void everyIndexRunsOnceAloneOrShared() {
    for (long soloNanos : new long[] {0L, Long.MAX_VALUE}) {
      for (int n : new int[] {1, 2, 3, 24, 500}) {
        AtomicIntegerArray runs = new AtomicIntegerArray(n);
        QueryExecutor.inParallel(n, i -> {
          runs.incrementAndGet(i);
          if (soloNanos == 0L) {
            Thread.onSpinWait(); // some work, so that pool threads take a share
          }
        }, soloNanos);
        for (int i = 0; i < n; i++) {
          assertEquals(1, runs.get(i), "index " + i + " of " + n + " (solo below " + soloNanos + " ns)");
        }
      }
    }
  }

  @Test
  void aFailureIsThrownToTheCaller() {
    for (long soloNanos : new long[] {0L, Long.MAX_VALUE}) {
      for (int failing : new int[] {0, 1, 17}) {
        IllegalStateException boom = new IllegalStateException("boom " + failing);
        AtomicIntegerArray runs = new AtomicIntegerArray(24);
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> QueryExecutor.inParallel(24, i -> {
          runs.incrementAndGet(i);
          if (i == failing) {
            throw boom;
          }
        }, soloNanos));
        assertSame(boom, thrown);
        for (int i = 0; i < 24; i++) {
          assertTrue(runs.get(i) <= 1);
        }
      }
    }
  }
}
