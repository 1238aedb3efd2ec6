package io.kafkaindexing.supervisor.http;

import com.google.inject.Inject;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.supervisor.store.TasksTable;
import io.kafkaindexing.supervisor.task.TaskRunner;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Druid's task API for one task on the Overlord: {@code GET /druid/indexer/v1/task/{id}} (the
 * payload), {@code /status} (Druid's {@code {"task", "status"}} shape; tasks of earlier runs from
 * {@code druid_tasks}), {@code /reports} (the live {@code ingestionStatsAndErrors} report while the
 * task runs, the completion report after) and {@code POST /shutdown}. Unknown tasks answer 404.
 * Each endpoint checks the task's data source first ({@link TaskAccess}). Thread-safe.
 */
@Path("/druid/indexer/v1/task")
@Produces(MediaType.APPLICATION_JSON)
public final class TaskResource {
  private final TaskRunner runner;
  private final com.fasterxml.jackson.databind.ObjectMapper mapper;
  private final io.kafkaindexing.core.config.RuntimeProperties properties;

  @Inject
  public TaskResource(TaskRunner runner, com.fasterxml.jackson.databind.ObjectMapper mapper,
      io.kafkaindexing.core.config.RuntimeProperties properties) {
    this.runner = runner;
    this.mapper = mapper;
    this.properties = properties;
  }

  @GET
  @Path("/{id}/status")
  public Map<String, Object> status(@PathParam("id") String id, @Context HttpServletRequest req) throws SQLException {
    TaskAccess.check(req, runner, id);
    Map<String, Object> status = runner.get(id).map(TaskStatusPlus::of).orElse(null);
    if (status == null) {
      status = runner.stored(id).map(TaskStatusPlus::of)
          .orElseThrow(() -> DruidException.notFound("Unable to find task with id[%s]", id));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("task", id);
    body.put("status", status);
    return body;
  }

  /** {@code {"task": id, "payload": <the task JSON>}}. */
  @GET
  @Path("/{id}")
  public Map<String, Object> task(@PathParam("id") String id, @Context HttpServletRequest req) throws SQLException, java.io.IOException {
    TaskAccess.check(req, runner, id);
    Object payload = null;
    var running = runner.get(id);
    if (running.isPresent()) {
      // Written as a Task so that its JSON carries the type name.
      payload = mapper.readTree(mapper.writerFor(io.kafkaindexing.indexing.task.Task.class)
          .writeValueAsBytes(running.get().task()));
    } else {
      TasksTable.Entry stored = runner.stored(id)
          .orElseThrow(() -> DruidException.notFound("Cannot find any task with id: [%s]", id));
      payload = mapper.readTree(stored.payload());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("task", id);
    body.put("payload", payload);
    return body;
  }

  /**
   * The task's log (the lines of its thread), as plain text; {@code offset} as in Druid: from that
   * byte on, or the last {@code -offset} bytes when negative.
   */
  @GET
  @Path("/{id}/log")
  @Produces(MediaType.TEXT_PLAIN)
  public byte[] log(@PathParam("id") String id, @jakarta.ws.rs.QueryParam("offset") Long offset, @Context HttpServletRequest req)
      throws java.io.IOException, SQLException {
    TaskAccess.check(req, runner, id);
    java.nio.file.Path file = java.nio.file.Path.of(properties.get("druid.indexer.logs.directory",
        "var/druid/indexing-logs"), id + ".log");
    if (id.contains("/") || id.contains("..") || !java.nio.file.Files.isRegularFile(file)) {
      throw DruidException.notFound("No log was found for this task. The task may not exist, or it may not have"
          + " begun running yet.");
    }
    byte[] all = java.nio.file.Files.readAllBytes(file);
    long from = offset == null ? 0 : offset < 0 ? Math.max(0, all.length + offset) : Math.min(offset, all.length);
    return java.util.Arrays.copyOfRange(all, (int) from, all.length);
  }

  /** Asks a running task to stop; its rows are read again by the next task. */
  @POST
  @Path("/{id}/shutdown")
  public Map<String, String> shutdown(@PathParam("id") String id, @Context HttpServletRequest req) throws SQLException {
    TaskAccess.check(req, runner, id);
    if (!runner.shutdown(id)) {
      throw DruidException.notFound("Cannot find running task with id[%s]", id);
    }
    return Map.of("task", id);
  }

  @GET
  @Path("/{id}/reports")
  public Map<String, Object> reports(@PathParam("id") String id, @Context HttpServletRequest req) throws SQLException {
    TaskAccess.check(req, runner, id);
    Map<String, Object> reports = runner.get(id).map(item -> item.task().reports()).orElse(Map.of());
    if (reports.isEmpty()) {
      throw DruidException.notFound("No task reports were found for this task. The task may not exist, or it may"
          + " not have completed yet.");
    }
    return reports;
  }
}
