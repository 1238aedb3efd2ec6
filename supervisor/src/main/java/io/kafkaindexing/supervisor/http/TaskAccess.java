package io.kafkaindexing.supervisor.http;

import io.kafkaindexing.core.security.Action;
import io.kafkaindexing.core.security.Authorizations;
import io.kafkaindexing.core.security.Resource;
import io.kafkaindexing.core.security.ResourceAction;
import io.kafkaindexing.supervisor.store.TasksTable;
import io.kafkaindexing.supervisor.task.TaskRunner;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The permission checks of the task API, as Druid documents them: a task's data source decides
 * (DATASOURCE READ for GET, WRITE for POST on {@code /task/{id}/...}); task lists show only the
 * tasks of data sources the caller may READ; {@code /taskStatus} is a STATE action. An unknown task
 * is not checked, so the endpoint answers its 404. Stateless.
 */
final class TaskAccess {
  private TaskAccess() {}

  /** Checks the request's action on task {@code id}'s data source, if the task is known. */
  static void check(HttpServletRequest request, TaskRunner runner, String id) throws SQLException {
    Optional<String> dataSource = runner.get(id).map(item -> item.task().getDataSource());
    if (dataSource.isEmpty()) {
      dataSource = runner.stored(id).map(TasksTable.Entry::dataSource);
    }
    if (dataSource.isEmpty()) {
      Authorizations.authenticatedOnly(request);
      return;
    }
    Action action = request == null ? Action.READ : Action.forMethod(request.getMethod());
    Authorizations.require(request, new ResourceAction(Resource.dataSource(dataSource.get()), action));
  }

  /** Checks the request's action on one data source. */
  static void checkDataSource(HttpServletRequest request, String dataSource, Action action) {
    Authorizations.require(request, new ResourceAction(Resource.dataSource(dataSource), action));
  }

  /** Checks the request's action (by HTTP method) on the cluster STATE. */
  static void checkState(HttpServletRequest request) {
    Action action = request == null ? Action.READ : Action.forMethod(request.getMethod());
    Authorizations.require(request, new ResourceAction(Resource.STATE, action));
  }

  /** The TaskStatusPlus entries whose data source the caller may READ. */
  static List<Map<String, Object>> readable(HttpServletRequest request, List<Map<String, Object>> tasks) {
    return Authorizations.filter(request, tasks,
        t -> List.of(ResourceAction.readDataSource(String.valueOf(t.get("dataSource")))));
  }
}
