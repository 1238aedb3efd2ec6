package io.kafkaindexing.query.timeline;

/**
 * Who announced a segment. When several servers announce one segment id (a real-time task and the
 * Historical that loaded the published segment at handoff), a query reads the Historical's copy, so
 * each row is read exactly once, whatever the order of the announcements.
 */
public enum ServerType {
  /** A real-time task serving its in-memory (and intermediately persisted) rows. */
  REALTIME,
  /** The Historical serving a published segment loaded from deep storage; preferred. */
  HISTORICAL
}
