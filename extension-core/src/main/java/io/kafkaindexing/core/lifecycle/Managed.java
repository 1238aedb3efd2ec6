package io.kafkaindexing.core.lifecycle;

/**
 * A service with a start and a stop, run by {@link Lifecycle} in {@link Stage} order (and stopped
 * in reverse order). Register with {@link Lifecycle#register(com.google.inject.Binder, Class)}.
 *
 * <p>Two optional hooks shorten start-up without weakening the order guarantees:
 * {@link Preparable#prepare()} does work that needs no other service (building objects, loading
 * classes) on a background thread while earlier stages start, and {@link #neededBy()} lets a slow
 * service that the next stages do not need (an embedded Kafka broker) start on its own thread
 * alongside them.
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

  /**
   * The first stage whose services need this one running; never earlier than {@link #stage()}, which
   * it is by default. When later, the lifecycle starts this service on its own thread when its stage
   * begins and waits for that start to finish before the services of this stage start, so the stages
   * in between start concurrently with it.
   */
  default Stage neededBy() {
    return stage();
  }

  void start() throws Exception;

  void stop() throws Exception;

  /** A service with start-up work that can run ahead of its stage. */
  interface Preparable extends Managed {
    /**
     * Start-up work that needs no other service running and exposes nothing yet, e.g. building objects
     * and loading classes. The lifecycle calls it on a background thread as soon as it starts (for
     * every preparable service, in stage order) and calls {@link #start()} only after it returned; if
     * it throws, the service counts as failed to start. A service whose prepare returned but whose
     * start was never called (a failure elsewhere ended the start-up) is stopped like a started one,
     * so {@link #stop()} must release what prepare built; a start that throws must release it itself.
     */
    void prepare() throws Exception;
  }
}
