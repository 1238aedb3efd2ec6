package io.kafkaindexing.core.lifecycle;

import com.google.inject.Binder;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts every registered {@link Managed} service in stage order and stops the started ones in
 * reverse order. Thread-safe: start and stop are synchronized; stop is idempotent.
 */
@Singleton
public final class Lifecycle {
  private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

  private final List<Managed> services;
  /** Started services, most recent first; guarded by this. */
  private final Deque<Managed> started = new ArrayDeque<>();

  @Inject
  public Lifecycle(Set<Managed> services) {
    List<Managed> ordered = new ArrayList<>(services);
    ordered.sort(Comparator.comparing(Managed::stage));
    this.services = List.copyOf(ordered);
  }

  /** Binds {@code serviceClass} as a singleton and registers it to be started and stopped. */
  public static void register(Binder binder, Class<? extends Managed> serviceClass) {
    binder.bind(serviceClass).in(com.google.inject.Scopes.SINGLETON);
    Multibinder.newSetBinder(binder, Managed.class).addBinding().to(serviceClass);
  }

  /** Declares the set so that a process with no managed service still injects. */
  public static void declare(Binder binder) {
    Multibinder.newSetBinder(binder, Managed.class);
  }

  /** Starts all services; on a failure stops those already started and rethrows. */
  public synchronized void start() throws Exception {
    for (Managed service : services) {
      try {
        service.start();
      } catch (Exception e) {
        log.error("Service[{}] failed to start; stopping the others", service.getClass().getName(), e);
        stop();
        throw e;
      }
      started.push(service);
    }
  }

  /** Stops started services in reverse start order; logs and continues past failures. */
  public synchronized void stop() {
    while (!started.isEmpty()) {
      Managed service = started.pop();
      try {
        service.stop();
      } catch (Exception e) {
        log.warn("Service[{}] failed to stop cleanly", service.getClass().getName(), e);
      }
    }
  }
}
