package io.kafkaindexing.indexing.task;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a row was counted as {@code thrownAway}, with the names Druid uses for the
 * {@code ingest/events/thrownAway} metric's {@code reason} dimension.
 */
public enum ThrownAwayReason {
  /** The record had no value (a Kafka tombstone read by a payload format) or no rows. */
  NULL("null"),
  /** The row time is before the task's {@code minimumMessageTime} (late message rejection). */
  BEFORE_MIN_MESSAGE_TIME("beforeMinMessageTime"),
  /** The row time is after the task's {@code maximumMessageTime} (early message rejection). */
  AFTER_MAX_MESSAGE_TIME("afterMaxMessageTime"),
  /** A {@code transformSpec.filter} rejected the row. */
  FILTERED("filtered");

  private final String reason;

  ThrownAwayReason(String reason) {
    this.reason = reason;
  }

  @JsonValue
  public String reason() {
    return reason;
  }
}
