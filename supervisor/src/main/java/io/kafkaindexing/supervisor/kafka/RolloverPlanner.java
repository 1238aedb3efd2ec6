package io.kafkaindexing.supervisor.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which reading task groups stop reading and publish in a supervisor run, as Druid does:
 * <ul>
 *   <li>groups asked to hand off early (the {@code taskGroups/handoff} API, or a task that reached
 *       {@code maxRowsPerSegment}, {@code maxTotalRows} or {@code intermediateHandoffPeriod}) finish
 *       whatever {@code stopTaskCount} says;</li>
 *   <li>after the partition set changed, every group finishes once {@code repartitionTransitionDuration}
 *       has passed, so that new tasks cover the new partitions;</li>
 *   <li>groups that read for {@code taskDuration} finish oldest first, but only while fewer than
 *       {@code stopTaskCount} groups are publishing (no limit when it is not set).</li>
 * </ul>
 * Thread-safe: requests may come from any thread; {@link #groupsToFinish} runs on the supervisor's
 * run thread.
 */
final class RolloverPlanner {
  private static final Logger log = LoggerFactory.getLogger(RolloverPlanner.class);

  private final long taskDurationMillis;
  private final Integer stopTaskCount;
  private final long repartitionTransitionMillis;
  /** Group ids asked to hand off early; cleared for a group when it finishes. */
  private final Set<Integer> handoffRequests = ConcurrentHashMap.newKeySet();
  /** When every reading group stops after a partition change; 0 when none is pending. Run thread only. */
  private long earlyStopAtMillis;

  RolloverPlanner(long taskDurationMillis, Integer stopTaskCount, long repartitionTransitionMillis) {
    this.taskDurationMillis = taskDurationMillis;
    this.stopTaskCount = stopTaskCount;
    this.repartitionTransitionMillis = repartitionTransitionMillis;
  }

  /** Asks these groups to finish at the next run; ids of groups that are not reading are ignored then. */
  void requestHandoff(Collection<Integer> groupIds) {
    handoffRequests.addAll(groupIds);
  }

  /** The partition set changed while groups were reading: stop them after the transition duration. */
  void partitionsChanged(long nowMillis) {
    if (earlyStopAtMillis == 0) {
      earlyStopAtMillis = nowMillis + repartitionTransitionMillis;
      log.info("Partitions changed: reading task groups stop in {} ms", repartitionTransitionMillis);
    }
  }

  /**
   * The reading groups to finish now. {@code publishingGroups} is how many groups are publishing
   * already; {@code wantsHandoff} tells whether a group's task asked to hand off (a checkpoint).
   */
  List<TaskGroup> groupsToFinish(Collection<TaskGroup> reading, int publishingGroups, long nowMillis,
      java.util.function.Predicate<TaskGroup> wantsHandoff) {
    Set<Integer> requested = Set.copyOf(handoffRequests);
    handoffRequests.removeAll(requested);
    List<TaskGroup> finish = new ArrayList<>();
    boolean earlyStop = earlyStopAtMillis != 0 && nowMillis >= earlyStopAtMillis;
    if (earlyStop) {
      earlyStopAtMillis = 0;
    }
    List<TaskGroup> expired = new ArrayList<>();
    for (TaskGroup group : reading) {
      if (earlyStop || requested.contains(group.groupId) || wantsHandoff.test(group)) {
        finish.add(group);
      } else if (nowMillis - group.createdMillis >= taskDurationMillis) {
        expired.add(group);
      }
    }
    expired.sort(Comparator.comparingLong((TaskGroup g) -> g.createdMillis).thenComparingInt(g -> g.groupId));
    int stopping = publishingGroups;
    for (TaskGroup group : expired) {
      if (stopTaskCount != null && stopping >= stopTaskCount) {
        log.debug("Group[{}] waits to roll over: {} groups are publishing (stopTaskCount[{}])", group.groupId,
            stopping, stopTaskCount);
        continue;
      }
      finish.add(group);
      stopping++;
    }
    return finish;
  }
}
