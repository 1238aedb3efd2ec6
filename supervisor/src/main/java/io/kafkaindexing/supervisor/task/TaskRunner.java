package io.kafkaindexing.supervisor.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import io.kafkaindexing.core.lifecycle.Managed;
import io.kafkaindexing.core.storage.SegmentFiles;
import io.kafkaindexing.indexing.task.SegmentAllocator;
import io.kafkaindexing.indexing.task.Task;
import io.kafkaindexing.indexing.task.TaskState;
import io.kafkaindexing.indexing.task.TaskStatus;
import io.kafkaindexing.indexing.task.TaskToolbox;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.supervisor.store.TasksTable;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks in this process, one named thread per task ("peon" threads), and keeps each task's
 * status. Stopping the runner asks every running task to stop and waits for them. Thread-safe.
 */
@Singleton
public final class TaskRunner implements Managed {
  private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);
  private static final long STOP_WAIT_MILLIS = 30_000;

  private final SegmentRegistry registry;
  private final SegmentAllocator allocator;
  private final ObjectMapper mapper;
  private final File baseTaskDir;
  /** How tasks publish; absent when no deep storage and Historical are configured. */
  private final TaskToolbox.Publishing publishing;
  /** Where tasks and their statuses are kept (druid_tasks); null for a runner without a metadata store. */
  private final TasksTable tasksTable;
  private final Map<String, TaskWorkItem> items = new ConcurrentHashMap<>();
  private volatile boolean stopping;

  /** A runner whose tasks keep their rows in memory (no task directories). */
  public TaskRunner(SegmentRegistry registry, SegmentAllocator allocator, ObjectMapper mapper) {
    this(registry, allocator, mapper, null, java.util.Optional.empty(), null);
  }

  @Inject
  public TaskRunner(SegmentRegistry registry, SegmentAllocator allocator, ObjectMapper mapper, TaskConfig config,
      java.util.Optional<TaskToolbox.Publishing> publishing, TasksTable tasksTable) {
    this.tasksTable = tasksTable;
    this.registry = registry;
    this.allocator = allocator;
    this.mapper = mapper;
    this.baseTaskDir = config == null ? null : config.baseTaskDir();
    this.publishing = publishing.orElse(null);
  }

  /** Removes the working directories left by tasks of an earlier run of this process. */
  @Override
  public void start() throws IOException, java.sql.SQLException {
    stopping = false;
    if (tasksTable != null) {
      tasksTable.createTable();
      int died = tasksTable.failActive("The Overlord stopped while the task ran; its rows are read again by the next task");
      if (died > 0) {
        log.info("Marked {} task(s) of an earlier run as failed", died);
      }
    }
    if (baseTaskDir != null && baseTaskDir.isDirectory()) {
      File[] stale = baseTaskDir.listFiles(File::isDirectory);
      for (File dir : stale == null ? new File[0] : stale) {
        SegmentFiles.deleteRecursively(dir.toPath());
        log.info("Removed the working directory of an earlier task[{}]", dir.getName());
      }
    }
  }

  /** True when tasks can publish their segments (deep storage and a Historical are configured). */
  public boolean canPublish() {
    return publishing != null && baseTaskDir != null;
  }

  private TaskToolbox toolboxFor(Task task) {
    File dir = baseTaskDir == null ? null : new File(baseTaskDir, task.getId());
    return new TaskToolbox(registry, allocator, mapper, dir, dir == null ? null : publishing);
  }

  /** Starts {@code task} on its own thread; fails if a task with that id was already submitted. */
  public void submit(Task task) {
    if (stopping) {
      throw new IllegalStateException("Task runner is stopping; task[" + task.getId() + "] not started");
    }
    TaskWorkItem item = new TaskWorkItem(task);
    if (items.putIfAbsent(task.getId(), item) != null) {
      throw new IllegalStateException("Task[" + task.getId() + "] already exists");
    }
    persist(() -> tasksTable.insert(task, task.getGroupId(), item.createdTime(), item.status()));
    Thread thread = new Thread(() -> runTask(item), "task-" + task.getId());
    thread.setDaemon(false);
    item.start(thread);
    thread.start();
    log.info("Started task[{}] of type[{}] for dataSource[{}]", task.getId(), task.getType(), task.getDataSource());
  }

  private void runTask(TaskWorkItem item) {
    org.slf4j.MDC.put("taskId", item.task().getId()); // routes the thread's lines to the task's log file
    try {
      runTaskInMdc(item);
    } finally {
      org.slf4j.MDC.remove("taskId");
    }
  }

  private void runTaskInMdc(TaskWorkItem item) {
    TaskStatus status;
    TaskToolbox toolbox = toolboxFor(item.task());
    try {
      status = item.task().run(toolbox);
    } catch (Throwable t) {
      log.error("Task[{}] threw", item.task().getId(), t);
      status = TaskStatus.failure(item.task().getId(), t.getClass().getSimpleName() + ": " + t.getMessage());
    }
    if (toolbox.taskDirectory() != null) {
      try {
        SegmentFiles.deleteRecursively(toolbox.taskDirectory().toPath());
      } catch (IOException e) {
        log.warn("Could not remove the working directory of task[{}]", item.task().getId(), e);
      }
    }
    item.complete(status);
    persist(() -> tasksTable.updateStatus(item.status()));
    item.markDone();
    log.info("Task[{}] finished: {}", item.task().getId(), item.status());
  }

  /** A write to druid_tasks; a failure is logged (the task itself is unaffected). */
  @FunctionalInterface
  private interface TableWrite {
    void run() throws java.sql.SQLException;
  }

  private void persist(TableWrite write) {
    if (tasksTable == null) {
      return;
    }
    try {
      write.run();
    } catch (java.sql.SQLException e) {
      log.warn("Could not record a task in the metadata store", e);
    }
  }

  /** The stored tasks (finished ones included), newest first; empty without a metadata store. */
  public List<TasksTable.Entry> stored(Boolean active, String dataSource) throws java.sql.SQLException {
    return tasksTable == null ? List.of() : tasksTable.list(active, dataSource);
  }

  /** A stored task, which may have run in an earlier run of this process. */
  public Optional<TasksTable.Entry> stored(String taskId) throws java.sql.SQLException {
    return tasksTable == null ? Optional.empty() : tasksTable.get(taskId);
  }

  public Optional<TaskWorkItem> get(String taskId) {
    return Optional.ofNullable(items.get(taskId));
  }

  public Collection<TaskWorkItem> all() {
    return List.copyOf(items.values());
  }

  public List<TaskWorkItem> running() {
    List<TaskWorkItem> out = new ArrayList<>();
    for (TaskWorkItem item : items.values()) {
      if (item.status().getStatus() == TaskState.RUNNING) {
        out.add(item);
      }
    }
    return out;
  }

  /** Asks a task to stop; true if it was known and not yet complete. */
  public boolean shutdown(String taskId) {
    TaskWorkItem item = items.get(taskId);
    if (item == null || item.status().isComplete()) {
      return false;
    }
    item.task().stopGracefully();
    return true;
  }

  @Override
  public void stop() throws InterruptedException {
    stopping = true;
    for (TaskWorkItem item : items.values()) {
      item.task().stopGracefully();
    }
    long deadline = System.currentTimeMillis() + STOP_WAIT_MILLIS;
    for (TaskWorkItem item : items.values()) {
      long left = deadline - System.currentTimeMillis();
      if (left > 0) {
        item.awaitCompletion(left, TimeUnit.MILLISECONDS);
      }
      if (!item.status().isComplete()) {
        log.warn("Task[{}] did not stop within {} ms", item.task().getId(), STOP_WAIT_MILLIS);
      }
    }
  }
}
