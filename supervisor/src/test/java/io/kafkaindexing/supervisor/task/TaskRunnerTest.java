package io.kafkaindexing.supervisor.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.indexing.task.Task;
import io.kafkaindexing.indexing.task.TaskState;
import io.kafkaindexing.indexing.task.TaskStatus;
import io.kafkaindexing.indexing.task.TaskToolbox;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.supervisor.SupervisorTestSupport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {
  /** A task that runs until stopped (or returns/throws at once, as configured). */
  static final class BlockingTask implements Task {
    final String id;
    final CountDownLatch stopped = new CountDownLatch(1);
    final RuntimeException failure;
    final boolean finishAtOnce;
    volatile String threadName;
    volatile TaskToolbox toolbox;

    BlockingTask(String id, RuntimeException failure, boolean finishAtOnce) {
      this.id = id;
      this.failure = failure;
      this.finishAtOnce = finishAtOnce;
    }

    @Override
    public String getId() {
      return id;
    }

    @Override
    public String getType() {
      return "test";
    }

    @Override
    public String getDataSource() {
      return "ds";
    }

    @Override
    public Map<String, Object> getContext() {
      return Map.of();
    }

    @Override
    public TaskStatus run(TaskToolbox toolbox) throws Exception {
      this.toolbox = toolbox;
      threadName = Thread.currentThread().getName();
      if (failure != null) {
        throw failure;
      }
      if (!finishAtOnce) {
        stopped.await();
      }
      return TaskStatus.success(id);
    }

    @Override
    public void stopGracefully() {
      stopped.countDown();
    }
  }

  private final SegmentRegistry registry = new SegmentRegistry();
  private final io.kafkaindexing.indexing.task.SegmentAllocator allocator =
      (dataSource, interval, sequence) -> new io.kafkaindexing.segment.SegmentId(dataSource, interval, "v1", 0);
  private final TaskRunner runner = new TaskRunner(registry, allocator, SupervisorTestSupport.mapper());

  @AfterEach
  void stopRunner() throws Exception {
    runner.stop();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }

  private TaskState state(String id) {
    return runner.get(id).orElseThrow().status().getStatus();
  }

  @Test
  void runsEachTaskOnItsOwnNamedThreadWithTheToolbox() throws Exception {
    runner.start();
    BlockingTask task = new BlockingTask("t1", null, false);
    runner.submit(task);
    await(() -> task.threadName != null, "the task to start");
    assertEquals("task-t1", task.threadName);
    assertSame(registry, task.toolbox.segmentRegistry());
    assertSame(allocator, task.toolbox.segmentAllocator());
    assertEquals(TaskState.RUNNING, state("t1"));
    assertEquals(-1, runner.get("t1").orElseThrow().status().getDuration());
    assertEquals(List.of("t1"), runner.running().stream().map(w -> w.task().getId()).toList());

    assertTrue(runner.shutdown("t1"));
    await(() -> state("t1") == TaskState.SUCCESS, "the task to end");
    assertTrue(runner.get("t1").orElseThrow().status().getDuration() >= 0);
    assertFalse(runner.shutdown("t1"), "already complete");
    assertFalse(runner.shutdown("unknown"));
    assertEquals(List.of(), runner.running());
    assertEquals(1, runner.all().size());
  }

  @Test
  void aThrowingTaskFails() throws Exception {
    runner.start();
    runner.submit(new BlockingTask("bad", new IllegalStateException("boom"), false));
    await(() -> runner.get("bad").orElseThrow().status().isComplete(), "the task to fail");
    TaskStatus status = runner.get("bad").orElseThrow().status();
    assertEquals(TaskState.FAILED, status.getStatus());
    assertEquals("IllegalStateException: boom", status.getErrorMsg());
  }

  @Test
  void taskIdsAreUnique() throws Exception {
    runner.start();
    runner.submit(new BlockingTask("dup", null, true));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> runner.submit(new BlockingTask("dup", null, true)));
    assertEquals("Task[dup] already exists", e.getMessage());
  }

  @Test
  void stopStopsEveryTaskAndRefusesNewOnes() throws Exception {
    runner.start();
    BlockingTask a = new BlockingTask("a", null, false);
    BlockingTask b = new BlockingTask("b", null, false);
    runner.submit(a);
    runner.submit(b);
    await(() -> a.threadName != null && b.threadName != null, "both tasks to start");
    runner.stop();
    assertEquals(TaskState.SUCCESS, state("a"), "stop waits for the tasks");
    assertEquals(TaskState.SUCCESS, state("b"));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> runner.submit(new BlockingTask("late", null, true)));
    assertEquals("Task runner is stopping; task[late] not started", e.getMessage());
    runner.start();
    runner.submit(new BlockingTask("after-restart", null, true));
    await(() -> state("after-restart") == TaskState.SUCCESS, "the task to run after a restart");
  }
}
