package io.kafkaindexing.supervisor.overlord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.kafkaindexing.segment.SegmentId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.junit.jupiter.api.Test;

class InMemorySegmentAllocatorTest {
  private static final Interval NINE = new Interval("2018-03-06T09:00:00Z/2018-03-06T10:00:00Z",
      org.joda.time.chrono.ISOChronology.getInstanceUTC());
  private static final Interval TEN = new Interval("2018-03-06T10:00:00Z/2018-03-06T11:00:00Z",
      org.joda.time.chrono.ISOChronology.getInstanceUTC());

  @Test
  void sameSequenceGetsTheSameId() {
    InMemorySegmentAllocator allocator = new InMemorySegmentAllocator();
    SegmentId first = allocator.allocate("ds", NINE, "seq-A");
    assertSame(first, allocator.allocate("ds", NINE, "seq-A"));
    assertEquals(0, first.partitionNum());
    assertEquals("ds", first.dataSource());
    assertEquals(NINE.getStartMillis(), first.interval().getStartMillis());
    assertEquals(NINE.getEndMillis(), first.interval().getEndMillis());
  }

  @Test
  void newSequenceGetsTheNextPartitionWithTheSameVersion() {
    InMemorySegmentAllocator allocator = new InMemorySegmentAllocator();
    SegmentId a = allocator.allocate("ds", NINE, "seq-A");
    SegmentId b = allocator.allocate("ds", NINE, "seq-B");
    SegmentId c = allocator.allocate("ds", NINE, "seq-C");
    assertEquals(List.of(0, 1, 2), List.of(a.partitionNum(), b.partitionNum(), c.partitionNum()));
    assertEquals(a.version(), b.version(), "the version is fixed per interval");
    assertEquals(a.version(), c.version());
    assertEquals(b, allocator.allocate("ds", NINE, "seq-B"));
  }

  @Test
  void intervalsAndDataSourcesAreIndependent() throws Exception {
    InMemorySegmentAllocator allocator = new InMemorySegmentAllocator();
    SegmentId nine = allocator.allocate("ds", NINE, "seq-A");
    Thread.sleep(2); // versions are allocation times
    SegmentId ten = allocator.allocate("ds", TEN, "seq-A");
    SegmentId otherDs = allocator.allocate("other", NINE, "seq-A");
    assertEquals(0, ten.partitionNum());
    assertEquals(0, otherDs.partitionNum());
    assertNotEquals(nine, ten);
    assertNotEquals(nine.version(), ten.version());
    // The version is an ISO time, so later allocations sort after earlier ones as Druid versions do.
    assertEquals(-1, Integer.signum(nine.version().compareTo(ten.version())));
    assertEquals(nine, allocator.allocate("ds", new Interval(NINE.getStartMillis(), NINE.getEndMillis(),
        DateTimeZone.forID("Europe/Paris")), "seq-A"), "the same instant interval in another zone is the same");
  }

  @Test
  void concurrentAllocationsOfOneSequenceAgree() throws Exception {
    InMemorySegmentAllocator allocator = new InMemorySegmentAllocator();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<SegmentId>> futures = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        String seq = "seq-" + (i % 4);
        Callable<SegmentId> call = () -> allocator.allocate("ds", NINE, seq);
        futures.add(pool.submit(call));
      }
      Set<SegmentId> ids = new HashSet<>();
      for (Future<SegmentId> f : futures) {
        ids.add(f.get());
      }
      assertEquals(4, ids.size());
      Set<Integer> partitions = new HashSet<>();
      ids.forEach(id -> partitions.add(id.partitionNum()));
      assertEquals(Set.of(0, 1, 2, 3), partitions);
    } finally {
      pool.shutdownNow();
    }
  }
}
