package io.kafkaindexing.supervisor.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkaindexing.indexing.kafka.KafkaPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RolloverPlannerTest {
  private static final long DURATION = 10_000;

  private static TaskGroup group(int id) {
    return new TaskGroup(id, Set.of(KafkaPartition.of(id)), Map.of(KafkaPartition.of(id), 0L), "seq" + id, null, null);
  }

  private static List<Integer> ids(List<TaskGroup> groups) {
    List<Integer> ids = new ArrayList<>();
    groups.forEach(g -> ids.add(g.groupId));
    return ids;
  }

  /** When the last of these groups was created (groups made one after another may straddle a millisecond). */
  private static long created(List<TaskGroup> groups) {
    return groups.stream().mapToLong(g -> g.createdMillis).max().orElseThrow();
  }

  private static long firstCreated(List<TaskGroup> groups) {
    return groups.stream().mapToLong(g -> g.createdMillis).min().orElseThrow();
  }

  @Test
  void groupsFinishAfterTaskDurationOnly() {
    RolloverPlanner planner = new RolloverPlanner(DURATION, null, 1000);
    List<TaskGroup> groups = List.of(group(0), group(1), group(2));
    assertEquals(List.of(), ids(planner.groupsToFinish(groups, 0, firstCreated(groups) + DURATION - 1, g -> false)));
    assertEquals(List.of(0, 1, 2), ids(planner.groupsToFinish(groups, 5, created(groups) + DURATION, g -> false)),
        "without stopTaskCount publishing groups do not hold anyone back");
  }

  @Test
  void stopTaskCountLimitsHowManyGroupsArePublishingAtOnce() {
    RolloverPlanner planner = new RolloverPlanner(DURATION, 2, 1000);
    List<TaskGroup> groups = List.of(group(0), group(1), group(2));
    long t = created(groups) + DURATION;
    assertEquals(List.of(0, 1), ids(planner.groupsToFinish(groups, 0, t, g -> false)));
    assertEquals(List.of(0), ids(planner.groupsToFinish(groups, 1, t, g -> false)));
    assertEquals(List.of(), ids(planner.groupsToFinish(groups, 2, t, g -> false)));
  }

  @Test
  void handoffRequestsAndCheckpointsIgnoreTaskDurationAndStopTaskCountOnce() {
    RolloverPlanner planner = new RolloverPlanner(DURATION, 1, 1000);
    List<TaskGroup> groups = List.of(group(0), group(1), group(2));
    long t = created(groups);
    planner.requestHandoff(List.of(1, 7));
    assertEquals(List.of(1), ids(planner.groupsToFinish(groups, 3, t, g -> false)), "unknown id 7 is ignored");
    assertEquals(List.of(), ids(planner.groupsToFinish(groups, 3, t, g -> false)), "a request is used once");
    assertEquals(List.of(2), ids(planner.groupsToFinish(groups, 3, t, g -> g.groupId == 2)));
  }

  @Test
  void aPartitionChangeStopsEveryGroupAfterTheTransitionDuration() {
    RolloverPlanner planner = new RolloverPlanner(DURATION, 1, 2000);
    List<TaskGroup> groups = List.of(group(0), group(1));
    long t = created(groups);
    planner.partitionsChanged(t);
    assertEquals(List.of(), ids(planner.groupsToFinish(groups, 0, t + 1999, g -> false)));
    assertEquals(List.of(0, 1), ids(planner.groupsToFinish(groups, 0, t + 2000, g -> false)));
    assertEquals(List.of(), ids(planner.groupsToFinish(groups, 0, t + 2001, g -> false)), "only once");
  }
}
