package io.kafkaindexing.server.kafka;

import com.google.inject.Inject;
import io.kafkaindexing.core.lifecycle.Managed;
import java.util.Optional;

/**
 * Runs the process's embedded Kafka broker as a {@link Managed} service in stage
 * {@link Managed.Stage#INIT}, on its own thread and needed by {@link Managed.Stage#MANAGERS}, so the
 * broker is up before supervisors and tasks connect to it and stops after they do. When the configuration does not enable the broker, start and stop do
 * nothing. Thread-safe (delegates to {@link EmbeddedKafkaBroker}).
 */
public final class EmbeddedKafkaService implements Managed {
  /** Null when the embedded broker is disabled. */
  private final EmbeddedKafkaBroker broker;

  @Inject
  public EmbeddedKafkaService(EmbeddedKafkaConfig config) {
    this.broker = config.isEnabled() ? config.newBroker() : null;
  }

  @Override
  public Stage stage() {
    return Stage.INIT;
  }

  /**
   * Formatting and starting the broker takes seconds; only supervisors (and the tasks they create)
   * talk to it, so the metadata store, the task runner and the Historical start meanwhile.
   */
  @Override
  public Stage neededBy() {
    return Stage.MANAGERS;
  }

  @Override
  public void start() throws Exception {
    if (broker != null) {
      broker.start();
    }
  }

  @Override
  public void stop() {
    if (broker != null) {
      broker.stop();
    }
  }

  /** The broker if enabled, for callers that need its bootstrap servers (running between start and stop). */
  public Optional<EmbeddedKafkaBroker> broker() {
    return Optional.ofNullable(broker);
  }
}
