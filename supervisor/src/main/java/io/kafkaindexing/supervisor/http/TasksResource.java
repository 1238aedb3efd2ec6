package io.kafkaindexing.supervisor.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.supervisor.store.TasksTable;
import io.kafkaindexing.supervisor.task.TaskRunner;
import io.kafkaindexing.supervisor.task.TaskWorkItem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Druid's task list endpoints on the Overlord: {@code GET /druid/indexer/v1/tasks} (filters
 * {@code state} = running|complete|waiting|pending, {@code datasource}, {@code type}, {@code max}),
 * {@code /runningTasks}, {@code /completeTasks}, {@code /waitingTasks}, {@code /pendingTasks}, each
 * a list of {@code TaskStatusPlus}; {@code POST /taskStatus} (a JSON array of ids to their status)
 * and {@code POST /datasources/{ds}/shutdownAllTasks}. Tasks run at once on this process, so none
 * wait or pend. Finished tasks come from {@code druid_tasks}, newest first. Lists hold only the tasks
 * of data sources the caller may READ ({@link TaskAccess}). Thread-safe.
 */
@Path("/druid/indexer/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class TasksResource {
  private final TaskRunner runner;
  private final ObjectMapper mapper;

  @Inject
  public TasksResource(TaskRunner runner, ObjectMapper mapper) {
    this.runner = runner;
    this.mapper = mapper;
  }

  @GET
  @Path("/tasks")
  public List<Map<String, Object>> tasks(@QueryParam("state") String state, @QueryParam("datasource") String dataSource,
      @QueryParam("type") String type, @QueryParam("max") Integer max, @Context HttpServletRequest req) throws SQLException {
    if (dataSource != null) {
      TaskAccess.checkDataSource(req, dataSource, io.kafkaindexing.core.security.Action.READ);
    }
    String s = state == null ? null : state.toLowerCase(Locale.ROOT);
    if (s != null && !List.of("running", "complete", "waiting", "pending").contains(s)) {
      throw DruidException.invalidInput("Invalid state[%s]: use running, complete, waiting or pending", state);
    }
    if (max != null && max < 0) {
      throw DruidException.invalidInput("max[%d] must not be negative", max);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    if (s == null || s.equals("running")) {
      for (TaskWorkItem item : runner.running()) {
        if (matches(item.task().getDataSource(), item.task().getType(), dataSource, type)) {
          out.add(TaskStatusPlus.of(item));
        }
      }
    }
    if (s == null || s.equals("complete")) {
      List<Map<String, Object>> complete = new ArrayList<>();
      for (TasksTable.Entry e : runner.stored(false, dataSource)) {
        if (matches(e.dataSource(), e.type(), dataSource, type) && runner.get(e.id()).map(i -> i.status().isComplete())
            .orElse(true)) {
          complete.add(TaskStatusPlus.of(e));
        }
      }
      for (TaskWorkItem item : runner.all()) {
        boolean stored = complete.stream().anyMatch(m -> m.get("id").equals(item.task().getId()));
        if (item.status().isComplete() && !stored && matches(item.task().getDataSource(), item.task().getType(),
            dataSource, type)) {
          complete.add(0, TaskStatusPlus.of(item));
        }
      }
      complete = TaskAccess.readable(req, complete);
      out.addAll(max == null ? complete : complete.subList(0, Math.min(max, complete.size())));
    }
    return TaskAccess.readable(req, out);
  }

  private static boolean matches(String taskDataSource, String taskType, String dataSource, String type) {
    return (dataSource == null || dataSource.equals(taskDataSource)) && (type == null || type.equals(taskType));
  }

  @GET
  @Path("/runningTasks")
  public List<Map<String, Object>> runningTasks(@QueryParam("type") String type, @Context HttpServletRequest req) throws SQLException {
    return tasks("running", null, type, null, req);
  }

  @GET
  @Path("/completeTasks")
  public List<Map<String, Object>> completeTasks(@QueryParam("max") Integer max, @Context HttpServletRequest req) throws SQLException {
    return tasks("complete", null, null, max, req);
  }

  @GET
  @Path("/waitingTasks")
  public List<Map<String, Object>> waitingTasks(@Context HttpServletRequest req) {
    io.kafkaindexing.core.security.Authorizations.authenticatedOnly(req);
    return List.of();
  }

  @GET
  @Path("/pendingTasks")
  public List<Map<String, Object>> pendingTasks(@Context HttpServletRequest req) {
    io.kafkaindexing.core.security.Authorizations.authenticatedOnly(req);
    return List.of();
  }

  /** The statuses of the given task ids (a JSON array); unknown ids are left out. */
  @POST
  @Path("/taskStatus")
  @Consumes(MediaType.WILDCARD)
  public Map<String, Object> taskStatus(byte[] body, @Context HttpServletRequest req) throws SQLException {
    TaskAccess.checkState(req);
    List<String> ids;
    try {
      ids = mapper.readValue(body, new TypeReference<List<String>>() { });
    } catch (IOException e) {
      throw DruidException.invalidInput("Expected a JSON array of task ids: %s", e.getMessage());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (String id : ids) {
      Map<String, Object> status = runner.get(id).map(TaskStatusPlus::of).orElse(null);
      if (status == null) {
        status = runner.stored(id).map(TaskStatusPlus::of).orElse(null);
      }
      if (status != null) {
        Map<String, Object> brief = new LinkedHashMap<>();
        brief.put("id", id);
        brief.put("status", status.get("statusCode"));
        brief.put("duration", status.get("duration"));
        brief.put("errorMsg", status.get("errorMsg"));
        out.put(id, brief);
      }
    }
    return out;
  }

  /** Stops every running task of a data source: {@code {"dataSource": ds}}. */
  @POST
  @Path("/datasources/{dataSource}/shutdownAllTasks")
  public Map<String, String> shutdownAllTasks(@PathParam("dataSource") String dataSource, @Context HttpServletRequest req) {
    TaskAccess.checkDataSource(req, dataSource, io.kafkaindexing.core.security.Action.WRITE);
    for (TaskWorkItem item : runner.running()) {
      if (item.task().getDataSource().equals(dataSource)) {
        runner.shutdown(item.task().getId());
      }
    }
    return Map.of("dataSource", dataSource);
  }
}
