package io.kafkaindexing.core.lifecycle;

/**
 * A service with a start and a stop, run by {@link Lifecycle} in {@link Stage} order (and stopped
 * in reverse order). Register with {@link Lifecycle#register(com.google.inject.Binder, Class)}.
 */
public interface Managed {
  /** When this service starts relative to the others. */
  enum Stage {
    /** Storage and connections: metadata store, deep storage, embedded brokers. */
    INIT,
    /** Services built on storage: task runners, segment serving. */
    NORMAL,
    /** Services that drive others (supervisors): started after, and stopped before, what they drive. */
    MANAGERS,
    /** The HTTP server: started once everything it exposes is ready. */
    SERVER
  }

  default Stage stage() {
    return Stage.NORMAL;
  }

  void start() throws Exception;

  void stop() throws Exception;
}
