package io.kafkaindexing.supervisor.http;

import com.google.inject.Inject;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.indexing.task.TaskStatus;
import io.kafkaindexing.supervisor.task.TaskRunner;
import io.kafkaindexing.supervisor.task.TaskWorkItem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The part of Druid's task API on the Overlord that ingestion users read:
 * {@code GET /druid/indexer/v1/task/{id}/status} (Druid's {@code {"task", "status"}} shape) and
 * {@code GET /druid/indexer/v1/task/{id}/reports} (the live {@code ingestionStatsAndErrors} report
 * while the task runs, the completion report after). Unknown tasks answer 404 with Druid's message.
 * Thread-safe.
 */
@Path("/druid/indexer/v1/task")
@Produces(MediaType.APPLICATION_JSON)
public final class TaskResource {
  private final TaskRunner runner;

  @Inject
  public TaskResource(TaskRunner runner) {
    this.runner = runner;
  }

  @GET
  @Path("/{id}/status")
  public Map<String, Object> status(@PathParam("id") String id) {
    TaskWorkItem item = runner.get(id)
        .orElseThrow(() -> DruidException.notFound("Unable to find task with id[%s]", id));
    TaskStatus s = item.status();
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("id", id);
    status.put("type", item.task().getType());
    status.put("createdTime", item.createdTime().toString());
    status.put("queueInsertionTime", item.createdTime().toString());
    status.put("statusCode", s.getStatus().name());
    status.put("status", s.getStatus().name());
    status.put("runnerStatusCode", s.isComplete() ? "NONE" : "RUNNING");
    status.put("duration", s.getDuration());
    status.put("location", Map.of("host", "localhost", "port", -1, "tlsPort", -1));
    status.put("dataSource", item.task().getDataSource());
    status.put("errorMsg", s.getErrorMsg());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("task", id);
    body.put("status", status);
    return body;
  }

  @GET
  @Path("/{id}/reports")
  public Map<String, Object> reports(@PathParam("id") String id) {
    Map<String, Object> reports = runner.get(id).map(item -> item.task().reports()).orElse(Map.of());
    if (reports.isEmpty()) {
      throw DruidException.notFound("No task reports were found for this task. The task may not exist, or it may"
          + " not have completed yet.");
    }
    return reports;
  }
}
