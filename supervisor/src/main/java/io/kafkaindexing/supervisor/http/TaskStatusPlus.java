package io.kafkaindexing.supervisor.http;

import io.kafkaindexing.indexing.task.TaskStatus;
import io.kafkaindexing.supervisor.store.TasksTable;
import io.kafkaindexing.supervisor.task.TaskWorkItem;
import java.util.LinkedHashMap;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * Druid's {@code TaskStatusPlus} JSON, the entries of the task list endpoints and the
 * {@code status} of {@code GET /task/{id}/status}: {@code id}, {@code groupId}, {@code type},
 * {@code createdTime}, {@code queueInsertionTime}, {@code statusCode}, {@code status},
 * {@code runnerStatusCode}, {@code duration}, {@code location}, {@code dataSource},
 * {@code errorMsg}. Stateless.
 */
final class TaskStatusPlus {
  private TaskStatusPlus() {}

  static Map<String, Object> of(TaskWorkItem item) {
    return build(item.task().getId(), item.task().getGroupId(), item.task().getType(), item.createdTime(),
        item.status(), item.task().getDataSource());
  }

  static Map<String, Object> of(TasksTable.Entry entry) {
    return build(entry.id(), entry.groupId(), entry.type(), entry.createdTime(), entry.status(), entry.dataSource());
  }

  private static Map<String, Object> build(String id, String groupId, String type, DateTime created,
      TaskStatus status, String dataSource) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("groupId", groupId);
    m.put("type", type);
    m.put("createdTime", created.withZone(DateTimeZone.UTC).toString());
    m.put("queueInsertionTime", created.withZone(DateTimeZone.UTC).toString());
    m.put("statusCode", status.getStatus().name());
    m.put("status", status.getStatus().name());
    m.put("runnerStatusCode", status.isComplete() ? "NONE" : "RUNNING");
    m.put("duration", status.getDuration());
    Map<String, Object> location = new LinkedHashMap<>();
    location.put("host", status.isComplete() ? null : "localhost");
    location.put("port", -1);
    location.put("tlsPort", -1);
    m.put("location", location);
    m.put("dataSource", dataSource);
    m.put("errorMsg", status.getErrorMsg());
    return m;
  }
}
