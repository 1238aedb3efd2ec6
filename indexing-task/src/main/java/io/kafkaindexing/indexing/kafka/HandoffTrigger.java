package io.kafkaindexing.indexing.kafka;

import io.kafkaindexing.indexing.appenderator.StreamAppenderator;

/**
 * When a reading task asks its supervisor to hand off early (Druid's checkpoint): a segment reached
 * {@code maxRowsPerSegment}, all its segments together reached {@code maxTotalRows} (Druid's default
 * 20000000 when unset), or {@code intermediateHandoffPeriod} passed since the task started. The
 * supervisor then stops the task group at common end offsets, the tasks publish and hand off, and a
 * new group continues from those offsets, so no row is read twice or skipped. Rows keep arriving
 * until the supervisor's next run, so a segment may exceed {@code maxRowsPerSegment} by what is read
 * within one {@code period}. Not thread-safe: used by the task thread.
 */
final class HandoffTrigger {
  static final long DEFAULT_MAX_TOTAL_ROWS = 20_000_000L;

  private final long maxRowsPerSegment;
  private final long maxTotalRows;
  private final long handoffAtMillis;

  HandoffTrigger(KafkaTuningConfig tuning, long startMillis) {
    this.maxRowsPerSegment = tuning.getMaxRowsPerSegment();
    this.maxTotalRows = tuning.getMaxTotalRows() == null ? DEFAULT_MAX_TOTAL_ROWS : tuning.getMaxTotalRows();
    long period = tuning.getIntermediateHandoffPeriod().toStandardDuration().getMillis();
    this.handoffAtMillis = Long.MAX_VALUE - startMillis < period ? Long.MAX_VALUE : startMillis + period;
  }

  /** Why the task should hand off now, or null if it should not. */
  String reason(StreamAppenderator appenderator, long nowMillis) {
    long segmentRows = appenderator.maxRowsInSegment();
    if (segmentRows >= maxRowsPerSegment) {
      return "a segment has " + segmentRows + " rows (maxRowsPerSegment[" + maxRowsPerSegment + "])";
    }
    long totalRows = appenderator.totalRows();
    if (totalRows >= maxTotalRows) {
      return "segments have " + totalRows + " rows in total (maxTotalRows[" + maxTotalRows + "])";
    }
    if (nowMillis >= handoffAtMillis) {
      return "intermediateHandoffPeriod passed";
    }
    return null;
  }
}
