package io.kafkaindexing.indexing.task;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a streaming task's reports in Druid's JSON shape. The live report (while running):
 * {@code {"ingestionStatsAndErrors": {"taskId", "payload": {"ingestionState", "unparseableEvents",
 * "rowStats": {"movingAverages": {"buildSegments": {"1m", "5m", "15m"}}, "totals": {"buildSegments"}}},
 * "type"}}}. The completion report: the same with {@code rowStats} = {@code {"buildSegments": totals}},
 * plus {@code errorMsg}, {@code segmentAvailabilityConfirmed}, {@code segmentAvailabilityWaitTimeMs},
 * {@code recordsProcessed}, and a {@code taskContext} report. {@code unparseableEvents} is
 * {@code {"buildSegments": [...]}} when parse exceptions are saved, else {@code {}}. Stateless.
 */
public final class TaskReports {
  public static final String INGESTION_STATS_AND_ERRORS = "ingestionStatsAndErrors";

  private TaskReports() {}

  /** What a report is built from: one task's ingestion state and counters. */
  public record Snapshot(String taskId, IngestionState state, RowIngestionMeters meters,
      ParseExceptionHandler handler, String errorMsg, Map<String, Long> recordsProcessed,
      Map<String, Object> context) {
  }

  public static Map<String, Object> live(Snapshot s) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("ingestionState", s.state().name());
    payload.put("unparseableEvents", unparseableEvents(s.handler()));
    payload.put("rowStats", rowStats(s.meters()));
    payload.put("errorMsg", s.errorMsg());
    return reports(s.taskId(), payload, null);
  }

  public static Map<String, Object> completion(Snapshot s) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("ingestionState", s.state().name());
    payload.put("unparseableEvents", unparseableEvents(s.handler()));
    payload.put("rowStats", Map.of(RowIngestionMeters.BUILD_SEGMENTS, s.meters().totals()));
    payload.put("errorMsg", s.errorMsg());
    payload.put("segmentAvailabilityConfirmed", false);
    payload.put("segmentAvailabilityWaitTimeMs", 0);
    payload.put("recordsProcessed", s.recordsProcessed());
    return reports(s.taskId(), payload, s.context());
  }

  /** Druid's {@code rowStats} of a running task (also served per task by the supervisor's stats). */
  public static Map<String, Object> rowStats(RowIngestionMeters meters) {
    Map<String, Object> rowStats = new LinkedHashMap<>();
    rowStats.put("movingAverages", Map.of(RowIngestionMeters.BUILD_SEGMENTS, meters.movingAverages()));
    rowStats.put("totals", Map.of(RowIngestionMeters.BUILD_SEGMENTS, meters.totals()));
    return rowStats;
  }

  private static Map<String, Object> unparseableEvents(ParseExceptionHandler handler) {
    return handler != null && handler.savesReports()
        ? Map.of(RowIngestionMeters.BUILD_SEGMENTS, handler.savedReports()) : Map.of();
  }

  private static Map<String, Object> reports(String taskId, Map<String, Object> payload, Map<String, Object> context) {
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("type", INGESTION_STATS_AND_ERRORS);
    stats.put("taskId", taskId);
    stats.put("payload", payload);
    Map<String, Object> reports = new LinkedHashMap<>();
    reports.put(INGESTION_STATS_AND_ERRORS, stats);
    if (context != null) {
      Map<String, Object> contextReport = new LinkedHashMap<>();
      contextReport.put("type", "taskContext");
      contextReport.put("taskId", taskId);
      contextReport.put("payload", context);
      reports.put("taskContext", contextReport);
    }
    return reports;
  }
}
