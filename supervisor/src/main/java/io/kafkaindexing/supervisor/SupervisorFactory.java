package io.kafkaindexing.supervisor;

import io.kafkaindexing.supervisor.spec.SupervisorSpec;

/** Turns a supervisor spec of the types it handles into a (not yet started) supervisor. Thread-safe. */
public interface SupervisorFactory {
  boolean handles(SupervisorSpec spec);

  Supervisor create(SupervisorSpec spec);
}
