package io.kafkaindexing.supervisor.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import io.kafkaindexing.core.lifecycle.Managed;
import io.kafkaindexing.indexing.kafka.IngestionWarmUp;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link IngestionWarmUp} with {@code druid.indexer.task.warmUpRows} rows during start-up, on
 * its own thread from the lifecycle's prepare step while storage, the task runner and the HTTP
 * server's handlers start, and holds the HTTP server's start until it is done, so that the first
 * task after a start (a new supervisor, or tasks catching up after a restart) runs compiled code
 * from its first rows, and the first queries too. A failure is only logged: the first task is then
 * slower, nothing else changes.
 */
public final class IngestionWarmUpService implements Managed.Preparable {
  private static final Logger log = LoggerFactory.getLogger(IngestionWarmUpService.class);

  private final int rows;
  private final ObjectMapper mapper;
  private volatile IngestionWarmUp.Result result;
  private Thread thread;

  @Inject
  public IngestionWarmUpService(TaskConfig config, ObjectMapper mapper) {
    this.rows = config.warmUpRows();
    this.mapper = mapper;
  }

  /** Before the HTTP server ({@link Managed.Stage#SERVER}): the server answers only once warm. */
  @Override
  public Stage stage() {
    return Stage.MANAGERS;
  }

  /** Starts the warm-up on its own thread, so the other services' prepare work runs beside it. */
  @Override
  public void prepare() {
    if (rows == 0) {
      return;
    }
    thread = new Thread(this::warmUp, "ingestion-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private void warmUp() {
    try {
      result = IngestionWarmUp.run(rows, null, mapper);
      log.info("Ingestion warmed up: {} rows, {} queries, {} segment(s) merged in {} ms", result.rowsProcessed(),
          result.queriesRun(), result.segmentsMerged(), result.millis());
    } catch (IOException | RuntimeException e) {
      log.warn("Ingestion warm-up failed (the first task starts slower): {}", e.toString());
    }
  }

  /** Waits for the warm-up, so the HTTP server (started after this) answers only once it is done. */
  @Override
  public void start() throws InterruptedException {
    if (thread != null) {
      thread.join();
    }
  }

  /** The warm-up's outcome; null if none ran (or it failed). */
  IngestionWarmUp.Result result() {
    return result;
  }

  /** Interrupts a warm-up still running (a start-up that failed elsewhere). */
  @Override
  public void stop() {
    if (thread != null) {
      thread.interrupt();
    }
  }
}
