package io.kafkaindexing.supervisor.http;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import java.util.List;

/**
 * The body of {@code POST /supervisor/{id}/taskGroups/handoff}: {@code {"taskGroupIds":[0,1]}}, a
 * non-empty list of task group ids. Immutable.
 */
record HandoffTaskGroupsRequest(List<Integer> taskGroupIds) {
  @JsonCreator
  static HandoffTaskGroupsRequest of(@JsonProperty("taskGroupIds") List<Integer> taskGroupIds) {
    if (taskGroupIds == null || taskGroupIds.isEmpty()) {
      throw DruidException.invalidInput("taskGroupIds must list at least one task group id");
    }
    for (Integer id : taskGroupIds) {
      if (id == null || id < 0) {
        throw DruidException.invalidInput("taskGroupIds[%s] must be non-negative task group ids", taskGroupIds);
      }
    }
    return new HandoffTaskGroupsRequest(List.copyOf(taskGroupIds));
  }
}
