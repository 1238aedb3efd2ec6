package io.kafkaindexing.supervisor.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.indexing.kafka.KafkaPartition;
import io.kafkaindexing.indexing.kafka.PartitionOffsets;
import io.kafkaindexing.indexing.task.ParseExceptionReport;
import io.kafkaindexing.indexing.task.TaskReports;
import io.kafkaindexing.supervisor.Supervisor;
import io.kafkaindexing.supervisor.SupervisorReport;
import io.kafkaindexing.supervisor.SupervisorStateManager;
import io.kafkaindexing.supervisor.SupervisorStateManager.DetailedState;
import io.kafkaindexing.supervisor.task.TaskRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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
  private static final Duration KAFKA_TIMEOUT = StreamMetadata.TIMEOUT;
  private static final long OFFSETS_REFRESH_MILLIS = 1000;

  private final KafkaSupervisorSpec spec;
  private final TaskRunner taskRunner;
  private final ObjectMapper mapper;
  private final StartingOffsets startingOffsets;
  /** This data source's groups that finished reading and are publishing, oldest first. */
  private final List<TaskGroup> publishing;
  private final SupervisorStateManager state = new SupervisorStateManager();
  private final Map<Integer, TaskGroup> groups = new ConcurrentSkipListMap<>();
  private final ScheduledExecutorService exec;
  private final GroupCompletion completion;
  private final RolloverPlanner rollover;
  private final IdleTracker idle;
  /** Owned by the scheduler thread. */
  private final StreamMetadata stream;
  private final TaskGroupFactory groupFactory;
  private volatile List<KafkaPartition> partitions = List.of();
  private volatile Map<KafkaPartition, Long> latestOffsets = Map.of();
  private volatile DateTime offsetsLastUpdated;

  public KafkaSupervisor(KafkaSupervisorSpec spec, TaskRunner taskRunner, ObjectMapper mapper,
      StartingOffsets startingOffsets, PublishingGroups publishingGroups) {
    this.spec = spec;
    this.taskRunner = taskRunner;
    this.mapper = mapper;
    this.startingOffsets = startingOffsets;
    this.publishing = publishingGroups.of(spec.getId());
    KafkaSupervisorIOConfig io = spec.getIoConfig();
    this.completion = new GroupCompletion(spec.getId(), taskRunner, state, io.getCompletionTimeout().getMillis(),
        groups, publishing);
    this.rollover = new RolloverPlanner(io.getTaskDuration().getMillis(), io.getStopTaskCount(),
        spec.getTuningConfig().getRepartitionTransitionDuration().toStandardDuration().getMillis());
    this.idle = new IdleTracker(io.getIdleConfig());
    this.stream = new StreamMetadata(io);
    this.groupFactory = new TaskGroupFactory(spec, mapper);
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
        spec.getIoConfig().getStream(), delay, period);
  }

  private void runSafely() {
    try {
      boolean idleNow = runOnce();
      state.markRunSucceeded(spec.isSuspended(), idleNow);
    } catch (StreamMetadata.StreamException e) {
      log.warn("Supervisor[{}] cannot reach Kafka: {}", spec.getId(), e.getMessage());
      state.recordError(e, true);
    } catch (RuntimeException e) {
      log.error("Supervisor[{}] run failed", spec.getId(), e);
      state.recordError(e, false);
    }
  }

  /** One run; answers whether the supervisor is idle (then it started no tasks). */
  private boolean runOnce() {
    completion.checkPublishing();
    if (spec.isSuspended()) {
      completion.finishAll();
      return false;
    }
    state.transition(DetailedState.CONNECTING_TO_STREAM);
    List<KafkaPartition> found = discoverPartitions();
    state.markConnected();
    state.transition(DetailedState.DISCOVERING_INITIAL_TASKS);
    completion.removeEndedReadingTasks();
    rollOverGroups();
    refreshLatestOffsets();
    boolean idleNow = idle.observe(latestOffsets, reachedOffsets(found), System.currentTimeMillis());
    if (!idleNow) {
      state.transition(DetailedState.CREATING_TASKS);
      createMissingTasks(found);
    }
    return idleNow;
  }

  /** Reading groups that are due (taskDuration, handoff requests, partition changes) finish and publish. */
  private void rollOverGroups() {
    if (!taskRunner.canPublish()) {
      return; // rows could not be published: keep reading rather than drop them
    }
    List<TaskGroup> due = rollover.groupsToFinish(groups.values(), publishing.size(), System.currentTimeMillis(),
        g -> g.tasks.stream().anyMatch(t -> t.runner().handoffRequested()));
    due.forEach(completion::finish);
  }

  /**
   * How far ingestion got per partition: the reading groups' current offsets, else where the newest
   * publishing group ends, else the committed offsets.
   */
  private Map<KafkaPartition, Long> reachedOffsets(List<KafkaPartition> found) {
    Map<KafkaPartition, Long> reached = new TreeMap<>(publishingEndOffsets());
    groups.values().forEach(g -> reached.putAll(g.currentOffsets()));
    for (KafkaPartition p : found) {
      if (!reached.containsKey(p)) {
        startingOffsets.get(spec.getId(), spec.getIoConfig().getStream(), p).ifPresent(o -> reached.put(p, o));
      }
    }
    return reached;
  }

  private List<KafkaPartition> discoverPartitions() {
    List<KafkaPartition> found = stream.partitions();
    if (!found.equals(partitions)) {
      log.info("Supervisor[{}] found partitions {} of topic[{}]", spec.getId(), found, spec.getIoConfig().getStream());
      if (!partitions.isEmpty() && !groups.isEmpty()) {
        rollover.partitionsChanged(System.currentTimeMillis());
      }
      partitions = List.copyOf(found);
    }
    return found;
  }

  private void createMissingTasks(List<KafkaPartition> found) {
    int taskCount = spec.getIoConfig().getTaskCount();
    Map<Integer, Set<KafkaPartition>> byGroup = new TreeMap<>();
    for (KafkaPartition p : found) {
      byGroup.computeIfAbsent(p.taskGroup(taskCount), g -> new HashSet<>()).add(p);
    }
    for (Map.Entry<Integer, Set<KafkaPartition>> e : byGroup.entrySet()) {
      if (groups.containsKey(e.getKey())) {
        continue; // partitions added to a reading group are read by its successor (repartitionTransitionDuration)
      }
      TaskGroup group = groupFactory.create(e.getKey(), e.getValue(), resolveStartingOffsets(e.getValue()));
      group.tasks.forEach(taskRunner::submit);
      groups.put(group.groupId, group);
    }
  }

  private Map<KafkaPartition, Long> resolveStartingOffsets(Set<KafkaPartition> groupPartitions) {
    String topic = spec.getIoConfig().getStream();
    Map<KafkaPartition, Long> offsets = new TreeMap<>();
    List<KafkaPartition> unknown = new ArrayList<>();
    Map<KafkaPartition, Long> publishingEnds = publishingEndOffsets();
    for (KafkaPartition p : groupPartitions) {
      Long pending = publishingEnds.get(p);
      if (pending != null) {
        offsets.put(p, pending); // continue where the group still publishing stops
      } else {
        startingOffsets.get(spec.getId(), topic, p).ifPresentOrElse(o -> offsets.put(p, o), () -> unknown.add(p));
      }
    }
    if (!unknown.isEmpty()) {
      Map<KafkaPartition, Long> fromStream = spec.getIoConfig().isUseEarliestOffset() ? stream.earliest(unknown)
          : stream.latest(unknown);
      offsets.putAll(startingOffsets.commitIfAbsent(spec.getId(), topic, fromStream));
    }
    return offsets;
  }

  private void refreshLatestOffsets() {
    List<KafkaPartition> current = partitions;
    if (current.isEmpty()) {
      return;
    }
    latestOffsets = Map.copyOf(stream.latest(current));
    offsetsLastUpdated = DateTime.now(DateTimeZone.UTC);
  }

  /** The end offsets of the newest publishing group of each partition. */
  private Map<KafkaPartition, Long> publishingEndOffsets() {
    Map<KafkaPartition, Long> ends = new TreeMap<>();
    for (TaskGroup g : publishing) {
      ends.putAll(g.endOffsets());
    }
    return ends;
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
    stream.close();
    if (stopTasks) {
      completion.finishAll(); // the tasks publish what they read; a successor continues after them
    }
    log.info("Stopped supervisor[{}]", spec.getId());
  }

  @Override
  public void reset(PartitionOffsets offsets) {
    if (offsets != null && !offsets.getStream().equals(spec.getIoConfig().getStream())) {
      throw io.kafkaindexing.core.error.DruidException.invalidInput(
          "Reset offsets are for stream[%s] but supervisor[%s] reads topic[%s]", offsets.getStream(), spec.getId(),
          spec.getIoConfig().getStream());
    }
    try {
      exec.submit(() -> {
        completion.stopAll();
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

  /**
   * Druid's early handoff: the given reading task groups finish at the next run (started now),
   * whatever their {@code taskDuration} and {@code stopTaskCount}; ids of groups that are not
   * reading are ignored.
   */
  @Override
  public void handoffTaskGroupsEarly(List<Integer> taskGroupIds) {
    rollover.requestHandoff(taskGroupIds);
    try {
      exec.execute(this::runSafely);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      log.debug("Supervisor[{}] is stopping; handoff of groups {} not started", spec.getId(), taskGroupIds);
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
}
