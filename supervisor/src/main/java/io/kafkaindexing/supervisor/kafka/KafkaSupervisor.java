package io.kafkaindexing.supervisor.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.indexing.kafka.KafkaIndexTask;
import io.kafkaindexing.indexing.kafka.KafkaIndexTaskIOConfig;
import io.kafkaindexing.indexing.kafka.KafkaRecordSupplier;
import io.kafkaindexing.indexing.kafka.PartitionOffsets;
import io.kafkaindexing.indexing.task.ParseExceptionReport;
import io.kafkaindexing.indexing.task.TaskReports;
import io.kafkaindexing.indexing.task.TaskState;
import io.kafkaindexing.supervisor.Supervisor;
import io.kafkaindexing.supervisor.SupervisorReport;
import io.kafkaindexing.supervisor.SupervisorStateManager;
import io.kafkaindexing.supervisor.SupervisorStateManager.DetailedState;
import io.kafkaindexing.supervisor.task.TaskRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one Kafka topic ingested into one data source. Every {@code period} (first after
 * {@code startDelay}) a run lists the topic's partitions, makes sure each task group
 * ({@code partition % taskCount}) has {@code replicas} running tasks starting from the data
 * source's starting offsets, and refreshes the latest offsets for lag. A group whose tasks all
 * failed is started again from the same offsets, so no row is skipped.
 *
 * <p>Threading: all Kafka access and all task-group changes happen on the supervisor's single
 * scheduler thread ("KafkaSupervisor-&lt;id&gt;"); status requests read volatile snapshots and
 * ask that thread for a fresh latest-offsets fetch.
 */
public final class KafkaSupervisor implements Supervisor {
  private static final Logger log = LoggerFactory.getLogger(KafkaSupervisor.class);
  private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);
  private static final long OFFSETS_REFRESH_MILLIS = 1000;
  private static final long PAUSE_TIMEOUT_MILLIS = 10_000;

  private final KafkaSupervisorSpec spec;
  private final TaskRunner taskRunner;
  private final ObjectMapper mapper;
  private final StartingOffsets startingOffsets;
  /** This data source's groups that finished reading and are publishing, oldest first. */
  private final List<TaskGroup> publishing;
  private final SupervisorStateManager state = new SupervisorStateManager();
  private final Map<Integer, TaskGroup> groups = new ConcurrentSkipListMap<>();
  private final ScheduledExecutorService exec;
  /** Owned by the scheduler thread. */
  private KafkaRecordSupplier supplier;
  private volatile List<Integer> partitions = List.of();
  private volatile Map<Integer, Long> latestOffsets = Map.of();
  private volatile DateTime offsetsLastUpdated;

  public KafkaSupervisor(KafkaSupervisorSpec spec, TaskRunner taskRunner, ObjectMapper mapper,
      StartingOffsets startingOffsets, PublishingGroups publishingGroups) {
    this.spec = spec;
    this.taskRunner = taskRunner;
    this.mapper = mapper;
    this.startingOffsets = startingOffsets;
    this.publishing = publishingGroups.of(spec.getId());
    this.exec = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "KafkaSupervisor-" + spec.getId());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public void start() {
    if (spec.isSuspended()) {
      state.transition(DetailedState.SUSPENDED);
    }
    long delay = spec.getIoConfig().getStartDelay().getMillis();
    long period = Math.max(spec.getIoConfig().getPeriod().getMillis(), 1000L);
    exec.scheduleWithFixedDelay(this::runSafely, delay, period, TimeUnit.MILLISECONDS);
    log.info("Started supervisor[{}] for topic[{}] (first run in {} ms, then every {} ms)", spec.getId(),
        spec.getIoConfig().getTopic(), delay, period);
  }

  private void runSafely() {
    try {
      runOnce();
      state.markRunSucceeded(spec.isSuspended());
    } catch (StreamException e) {
      log.warn("Supervisor[{}] cannot reach Kafka: {}", spec.getId(), e.getMessage());
      state.recordError(e, true);
      closeSupplier();
    } catch (RuntimeException e) {
      log.error("Supervisor[{}] run failed", spec.getId(), e);
      state.recordError(e, false);
    }
  }

  private void runOnce() {
    checkPublishingGroups();
    if (spec.isSuspended()) {
      finishAllGroups();
      return;
    }
    state.transition(DetailedState.CONNECTING_TO_STREAM);
    List<Integer> found = discoverPartitions();
    state.markConnected();
    state.transition(DetailedState.DISCOVERING_INITIAL_TASKS);
    removeFailedTasks();
    rollOverExpiredGroups();
    state.transition(DetailedState.CREATING_TASKS);
    createMissingTasks(found);
    refreshLatestOffsets();
  }

  private List<Integer> discoverPartitions() {
    List<Integer> found;
    try {
      found = supplier().partitions(KAFKA_TIMEOUT);
    } catch (RuntimeException e) {
      throw new StreamException("Could not fetch partitions for topic[" + spec.getIoConfig().getTopic() + "]: "
          + e.getMessage(), e);
    }
    if (found.isEmpty()) {
      throw new StreamException("Topic[" + spec.getIoConfig().getTopic() + "] does not exist or has no partitions",
          null);
    }
    if (!found.equals(partitions)) {
      log.info("Supervisor[{}] found partitions {} of topic[{}]", spec.getId(), found, spec.getIoConfig().getTopic());
      partitions = List.copyOf(found);
    }
    return found;
  }

  private void removeFailedTasks() {
    for (TaskGroup group : groups.values()) {
      for (KafkaIndexTask task : group.tasks) {
        TaskState s = taskRunner.get(task.getId()).map(w -> w.status().getStatus()).orElse(TaskState.FAILED);
        if (s.isComplete()) {
          group.tasks.remove(task);
          state.recordTaskFailure();
          log.warn("Supervisor[{}] task[{}] ended with {}; group[{}] will be started again", spec.getId(),
              task.getId(), s, group.groupId);
        }
      }
      if (group.tasks.isEmpty()) {
        groups.remove(group.groupId);
      }
    }
  }

  private void createMissingTasks(List<Integer> found) {
    int taskCount = spec.getIoConfig().getTaskCount();
    Map<Integer, Set<Integer>> byGroup = new TreeMap<>();
    for (int p : found) {
      byGroup.computeIfAbsent(p % taskCount, g -> new HashSet<>()).add(p);
    }
    for (Map.Entry<Integer, Set<Integer>> e : byGroup.entrySet()) {
      if (groups.containsKey(e.getKey())) {
        continue; // partitions added to a running group are picked up at its next start
      }
      Map<Integer, Long> offsets = resolveStartingOffsets(e.getValue());
      String base = TaskIds.baseSequenceName(mapper, spec.getId(), spec.getDataSchema(), spec.getTuningConfig(),
          offsets);
      DateTime now = DateTime.now(DateTimeZone.UTC);
      TaskGroup group = new TaskGroup(e.getKey(), e.getValue(), offsets, base, minimumMessageTime(now),
          maximumMessageTime(now));
      for (int r = 0; r < spec.getIoConfig().getReplicas(); r++) {
        KafkaIndexTask task = newTask(group);
        taskRunner.submit(task);
        group.tasks.add(task);
      }
      groups.put(group.groupId, group);
    }
  }

  /**
   * Druid's late message rejection: {@code lateMessageRejectionStartDateTime}, or the group's
   * creation time minus {@code lateMessageRejectionPeriod}; null when neither is set.
   */
  private DateTime minimumMessageTime(DateTime now) {
    KafkaSupervisorIOConfig io = spec.getIoConfig();
    if (io.getLateMessageRejectionStartDateTime() != null) {
      return io.getLateMessageRejectionStartDateTime();
    }
    return io.getLateMessageRejectionPeriod() == null ? null : now.minus(io.getLateMessageRejectionPeriod());
  }

  /** Druid's early message rejection: creation time + {@code taskDuration} + {@code earlyMessageRejectionPeriod}. */
  private DateTime maximumMessageTime(DateTime now) {
    KafkaSupervisorIOConfig io = spec.getIoConfig();
    return io.getEarlyMessageRejectionPeriod() == null ? null
        : now.plus(io.getTaskDuration()).plus(io.getEarlyMessageRejectionPeriod());
  }

  private Map<Integer, Long> resolveStartingOffsets(Set<Integer> groupPartitions) {
    String topic = spec.getIoConfig().getTopic();
    Map<Integer, Long> offsets = new TreeMap<>();
    List<Integer> unknown = new ArrayList<>();
    Map<Integer, Long> publishingEnds = publishingEndOffsets();
    for (int p : groupPartitions) {
      Long pending = publishingEnds.get(p);
      if (pending != null) {
        offsets.put(p, pending); // continue where the group still publishing stops
      } else {
        startingOffsets.get(spec.getId(), topic, p).ifPresentOrElse(o -> offsets.put(p, o), () -> unknown.add(p));
      }
    }
    if (!unknown.isEmpty()) {
      Map<Integer, Long> fromStream;
      try {
        fromStream = spec.getIoConfig().isUseEarliestOffset()
            ? supplier().earliestOffsets(unknown, KAFKA_TIMEOUT) : supplier().latestOffsets(unknown, KAFKA_TIMEOUT);
      } catch (RuntimeException e) {
        throw new StreamException("Could not fetch offsets of topic[" + topic + "]: " + e.getMessage(), e);
      }
      offsets.putAll(startingOffsets.commitIfAbsent(spec.getId(), topic, fromStream));
    }
    return offsets;
  }

  private KafkaIndexTask newTask(TaskGroup group) {
    Map<Integer, Long> end = new HashMap<>();
    group.partitions.forEach(p -> end.put(p, PartitionOffsets.UNBOUNDED));
    String topic = spec.getIoConfig().getTopic();
    KafkaIndexTaskIOConfig io = new KafkaIndexTaskIOConfig(group.groupId, group.baseSequenceName,
        new PartitionOffsets(topic, group.startingOffsets), new PartitionOffsets(topic, end),
        spec.getIoConfig().getConsumerProperties(), spec.getIoConfig().getPollTimeout(), spec.inputFormat(),
        group.minimumMessageTime, group.maximumMessageTime, spec.getIoConfig().getDeadLetterTopic());
    return new KafkaIndexTask(TaskIds.taskId(group.baseSequenceName), spec.getDataSchema(), spec.getTuningConfig(),
        io, spec.getContext());
  }

  private void refreshLatestOffsets() {
    List<Integer> current = partitions;
    if (current.isEmpty()) {
      return;
    }
    try {
      latestOffsets = Map.copyOf(supplier().latestOffsets(current, KAFKA_TIMEOUT));
      offsetsLastUpdated = DateTime.now(DateTimeZone.UTC);
    } catch (RuntimeException e) {
      throw new StreamException("Could not fetch latest offsets of topic[" + spec.getIoConfig().getTopic() + "]: "
          + e.getMessage(), e);
    }
  }

  private KafkaRecordSupplier supplier() {
    if (supplier == null) {
      supplier = new KafkaRecordSupplier(spec.getIoConfig().getTopic(), spec.getIoConfig().getConsumerProperties());
    }
    return supplier;
  }

  private void closeSupplier() {
    if (supplier != null) {
      try {
        supplier.close();
      } catch (RuntimeException e) {
        log.debug("Closing the supervisor's Kafka consumer failed", e);
      }
      supplier = null;
    }
  }

  /** The end offsets of the newest publishing group of each partition. */
  private Map<Integer, Long> publishingEndOffsets() {
    Map<Integer, Long> ends = new TreeMap<>();
    for (TaskGroup g : publishing) {
      ends.putAll(g.endOffsets());
    }
    return ends;
  }

  /** Groups that have read for {@code taskDuration} finish: they publish, a new group takes over. */
  private void rollOverExpiredGroups() {
    if (!taskRunner.canPublish()) {
      return; // rows could not be published: keep reading rather than drop them
    }
    long taskDuration = spec.getIoConfig().getTaskDuration().getMillis();
    for (TaskGroup group : groups.values()) {
      if (System.currentTimeMillis() - group.createdMillis >= taskDuration) {
        finishGroup(group);
      }
    }
  }

  /**
   * Tells a group's tasks to stop reading and publish: pauses the replicas, takes the highest
   * offset any of them reached per partition as the common end, sets it and resumes them. A
   * replica that does not pause is shut down. If none pauses, the group is dropped and its
   * partitions start again from the committed offsets.
   */
  private void finishGroup(TaskGroup group) {
    groups.remove(group.groupId);
    Map<Integer, Long> end = new TreeMap<>(group.startingOffsets);
    List<KafkaIndexTask> paused = new ArrayList<>();
    for (KafkaIndexTask task : group.tasks) {
      Map<Integer, Long> current;
      try {
        current = task.runner().pause(PAUSE_TIMEOUT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        current = null;
      }
      if (current == null) {
        taskRunner.shutdown(task.getId());
        group.tasks.remove(task);
      } else {
        paused.add(task);
        current.forEach((p, o) -> end.merge(p, o, Math::max));
      }
    }
    if (paused.isEmpty()) {
      log.warn("Supervisor[{}] group[{}] has no task left to publish; its partitions restart from the committed"
          + " offsets", spec.getId(), group.groupId);
      return;
    }
    group.finishAt(end);
    publishing.add(group);
    paused.forEach(t -> t.runner().setEndOffsets(end));
    log.info("Supervisor[{}] group[{}] finishes at offsets {} and publishes", spec.getId(), group.groupId, end);
  }

  private void finishAllGroups() {
    for (TaskGroup group : groups.values()) {
      finishGroup(group);
    }
  }

  /**
   * Forgets publishing groups that succeeded (a task of the group published); a group whose tasks
   * all failed, or that did not finish within {@code completionTimeout}, is stopped together with
   * every later group reading its partitions (they started from its uncommitted end offsets), so
   * those partitions restart from the committed offsets.
   */
  private void checkPublishingGroups() {
    long completionTimeout = spec.getIoConfig().getCompletionTimeout().getMillis();
    for (TaskGroup group : publishing) {
      boolean succeeded = false;
      boolean allEnded = true;
      for (KafkaIndexTask task : group.tasks) {
        TaskState s = taskRunner.get(task.getId()).map(w -> w.status().getStatus()).orElse(TaskState.FAILED);
        succeeded |= s == TaskState.SUCCESS;
        allEnded &= s.isComplete();
      }
      if (succeeded) {
        publishing.remove(group);
        state.recordTaskSuccess();
      } else if (allEnded || System.currentTimeMillis() - group.publishingSinceMillis() > completionTimeout) {
        log.warn("Supervisor[{}] group[{}] failed to publish offsets {} (all tasks failed or completionTimeout);"
            + " its partitions restart from the committed offsets", spec.getId(), group.groupId, group.endOffsets());
        state.recordTaskFailure();
        dropGroupsReading(group.partitions);
        group.tasks.forEach(t -> taskRunner.shutdown(t.getId()));
        publishing.remove(group);
      }
    }
  }

  /** Stops every active and later publishing group that reads any of {@code partitionIds}. */
  private void dropGroupsReading(Set<Integer> partitionIds) {
    for (TaskGroup group : groups.values()) {
      if (!java.util.Collections.disjoint(group.partitions, partitionIds)) {
        group.tasks.forEach(t -> taskRunner.shutdown(t.getId()));
        groups.remove(group.groupId);
      }
    }
  }

  /** Hard stop: every task of this data source stops without publishing (reset). */
  private void stopAllTasks() {
    for (TaskGroup group : groups.values()) {
      group.tasks.forEach(t -> taskRunner.shutdown(t.getId()));
    }
    groups.clear();
    for (TaskGroup group : publishing) {
      group.tasks.forEach(t -> taskRunner.shutdown(t.getId()));
    }
    publishing.clear();
  }

  @Override
  public void stop(boolean stopTasks) {
    state.transition(DetailedState.STOPPING);
    exec.shutdownNow();
    try {
      exec.awaitTermination(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeSupplier();
    if (stopTasks) {
      finishAllGroups(); // the tasks publish what they read; a successor continues after them
    }
    log.info("Stopped supervisor[{}]", spec.getId());
  }

  @Override
  public void reset(PartitionOffsets offsets) {
    if (offsets != null && !offsets.getStream().equals(spec.getIoConfig().getTopic())) {
      throw io.kafkaindexing.core.error.DruidException.invalidInput(
          "Reset offsets are for stream[%s] but supervisor[%s] reads topic[%s]", offsets.getStream(), spec.getId(),
          spec.getIoConfig().getTopic());
    }
    try {
      exec.submit(() -> {
        stopAllTasks();
        if (offsets == null) {
          startingOffsets.clear(spec.getId());
        } else {
          startingOffsets.overwrite(spec.getId(), offsets);
        }
        log.info("Supervisor[{}] reset{}", spec.getId(), offsets == null ? "" : " to offsets " + offsets);
      }).get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while resetting supervisor[" + spec.getId() + "]", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Reset of supervisor[" + spec.getId() + "] failed: " + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Reset of supervisor[" + spec.getId() + "] did not finish in time", e);
    }
  }

  @Override
  public SupervisorStateManager state() {
    return state;
  }

  @Override
  public SupervisorReport status() {
    freshenOffsets();
    return new SupervisorReport(spec.getId(), DateTime.now(DateTimeZone.UTC),
        new StatusReportBuilder(spec, state).build(groups.values(), publishing, partitions.size(), latestOffsets,
            offsetsLastUpdated));
  }

  /** Asks the scheduler thread for current latest offsets if they are older than a second. */
  private void freshenOffsets() {
    DateTime last = offsetsLastUpdated;
    if (spec.isSuspended() || exec.isShutdown() || partitions.isEmpty()
        || (last != null && System.currentTimeMillis() - last.getMillis() < OFFSETS_REFRESH_MILLIS)) {
      return;
    }
    try {
      exec.submit(this::refreshLatestOffsets).get(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
      log.debug("Supervisor[{}] could not refresh latest offsets for a status report", spec.getId(), e);
    }
  }

  @Override
  public Map<String, Map<String, Object>> stats() {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    for (TaskGroup group : groups.values()) {
      Map<String, Object> tasks = new TreeMap<>();
      group.tasks.forEach(t -> tasks.put(t.getId(), TaskReports.rowStats(t.runner().meters())));
      out.put(String.valueOf(group.groupId), tasks);
    }
    return out;
  }

  @Override
  public List<Object> parseErrors() {
    List<ParseExceptionReport> all = new ArrayList<>();
    groups.values().forEach(g -> g.tasks.forEach(t -> all.addAll(t.runner().parseExceptions().savedReports())));
    all.sort(Comparator.comparingLong(ParseExceptionReport::timeOfExceptionMillis).reversed());
    return new ArrayList<>(all);
  }

  /** Task ids of this supervisor, for tests and task listing. */
  public List<String> taskIds() {
    List<String> ids = new ArrayList<>();
    groups.values().forEach(g -> g.tasks.forEach(t -> ids.add(t.getId())));
    return ids;
  }

  /** A failure to talk to Kafka, as opposed to a bug or bad state of ours. */
  static final class StreamException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StreamException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
