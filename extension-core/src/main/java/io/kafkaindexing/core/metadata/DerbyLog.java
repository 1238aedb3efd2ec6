package io.kafkaindexing.core.metadata;

import java.io.OutputStream;

/**
 * Where Derby's boot log goes for an in-memory database (property
 * {@code derby.stream.error.field}): nowhere. Stateless.
 */
public final class DerbyLog {
  /** Discards everything written to it. */
  public static final OutputStream DISCARD = OutputStream.nullOutputStream();

  private DerbyLog() {}
}
