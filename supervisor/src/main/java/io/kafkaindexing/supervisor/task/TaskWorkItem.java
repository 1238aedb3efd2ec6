package io.kafkaindexing.supervisor.task;

import io.kafkaindexing.indexing.task.Task;
import io.kafkaindexing.indexing.task.TaskStatus;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * One submitted task with its thread, creation time and status. Thread-safe: the status is
 * written by the task thread and read by anyone.
 */
public final class TaskWorkItem {
  private final Task task;
  private final DateTime createdTime = DateTime.now(DateTimeZone.UTC);
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile TaskStatus status;
  private volatile Thread thread;

  TaskWorkItem(Task task) {
    this.task = task;
    this.status = TaskStatus.running(task.getId());
  }

  void start(Thread t) {
    this.thread = t;
  }

  /** Records the final status; {@link #markDone()} then releases whoever waits for the task. */
  void complete(TaskStatus finalStatus) {
    this.status = finalStatus.withDuration(System.currentTimeMillis() - createdTime.getMillis());
  }

  void markDone() {
    done.countDown();
  }

  public Task task() {
    return task;
  }

  public DateTime createdTime() {
    return createdTime;
  }

  public TaskStatus status() {
    return status;
  }

  boolean awaitCompletion(long timeout, TimeUnit unit) throws InterruptedException {
    return done.await(timeout, unit);
  }

}
