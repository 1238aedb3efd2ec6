package io.kafkaindexing.core.lifecycle;

import com.google.inject.Binder;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts every registered {@link Managed} service in stage order and stops the started ones in
 * reverse order. Within that order, start-up overlaps where it is safe:
 * <ul>
 *   <li>{@link Managed.Preparable#prepare()} of every preparable service runs on one background
 *       thread ({@code lifecycle-prepare}) from the beginning; each service's start waits for its
 *       own prepare;</li>
 *   <li>a service whose {@link Managed#neededBy()} is later than its stage starts on its own thread
 *       ({@code lifecycle-start-<class>}) when its stage begins; the services of the stage it names
 *       start only once it is running.</li>
 * </ul>
 * So nothing of a stage starts before everything it may need is running, and the whole start
 * returns only when every service runs. A failure anywhere stops what was started (or prepared) and
 * is rethrown from {@link #start()}; {@link #stop()} called during the start-up (a shutdown hook on
 * SIGTERM) ends the start-up at the next service and stops what was started.
 *
 * <p>Thread-safe: start and stop are synchronized on this; stop is idempotent.
 */
@Singleton
public final class Lifecycle {
  private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);
  private static final long POLL_MS = 50;

  /** In start order: by stage, then registration order. */
  private final List<Managed> services;
  /** Services started (or prepared) and not stopped since; written by the start threads too. */
  private final Set<Managed> running = ConcurrentHashMap.newKeySet();
  /** Set by {@link #stop()} before it waits for the monitor, so a start in progress gives up. */
  private volatile boolean stopRequested;

  @Inject
  public Lifecycle(Set<Managed> services) {
    List<Managed> ordered = new ArrayList<>(services);
    ordered.sort(Comparator.comparing(Managed::stage));
    for (Managed service : ordered) {
      if (service.neededBy().compareTo(service.stage()) < 0) {
        throw new IllegalArgumentException("Service[" + service.getClass().getName() + "] is needed by stage["
            + service.neededBy() + "] before its own stage[" + service.stage() + "]");
      }
    }
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

  /** Starts all services; on a failure stops those already started (or prepared) and rethrows. */
  public synchronized void start() throws Exception {
    stopRequested = false;
    Map<Managed, CompletableFuture<Void>> prepared = prepareAll();
    Map<Managed, CompletableFuture<Void>> background = new IdentityHashMap<>();
    try {
      for (Managed.Stage stage : Managed.Stage.values()) {
        for (Map.Entry<Managed, CompletableFuture<Void>> started : background.entrySet()) {
          if (started.getKey().neededBy() == stage) {
            await(started.getKey(), started.getValue());
          }
        }
        // Background starts of this stage first, so they overlap with all of its in-line starts.
        for (Managed service : services) {
          if (service.stage() == stage && service.neededBy() != stage) {
            checkNotStopped();
            background.put(service, startInBackground(service, prepared.get(service)));
          }
        }
        for (Managed service : services) {
          if (service.stage() != stage || service.neededBy() != stage) {
            continue;
          }
          CompletableFuture<Void> preparation = prepared.get(service);
          if (preparation != null) {
            await(service, preparation);
          }
          checkNotStopped();
          checkBackground(background);
          start(service);
        }
      }
    } catch (Exception e) {
      // Let every thread of the start-up finish (the flag makes the prepare thread skip the rest)
      // before stopping what they started.
      stopRequested = true;
      prepared.values().forEach(Lifecycle::join);
      background.values().forEach(Lifecycle::join);
      stop();
      throw e;
    }
  }

  /** Stops started (and prepared) services in reverse start order; logs and continues past failures. */
  public void stop() {
    stopRequested = true;
    synchronized (this) {
      for (int i = services.size() - 1; i >= 0; i--) {
        Managed service = services.get(i);
        if (!running.remove(service)) {
          continue;
        }
        try {
          service.stop();
        } catch (Exception e) {
          log.warn("Service[{}] failed to stop cleanly", service.getClass().getName(), e);
        }
      }
      stopRequested = false;
    }
  }

  /** Runs the prepare of every preparable service, in start order, on one daemon thread. */
  private Map<Managed, CompletableFuture<Void>> prepareAll() {
    Map<Managed, CompletableFuture<Void>> prepared = new IdentityHashMap<>();
    List<Managed.Preparable> preparable = new ArrayList<>();
    for (Managed service : services) {
      if (service instanceof Managed.Preparable p) {
        preparable.add(p);
        prepared.put(service, new CompletableFuture<>());
      }
    }
    if (preparable.isEmpty()) {
      return prepared;
    }
    Thread thread = new Thread(() -> {
      for (Managed.Preparable service : preparable) {
        CompletableFuture<Void> done = prepared.get(service);
        if (stopRequested) {
          done.completeExceptionally(new IllegalStateException("Stopped during start-up"));
          continue;
        }
        try {
          service.prepare();
          running.add(service);
          done.complete(null);
        } catch (Throwable t) {
          done.completeExceptionally(t);
        }
      }
    }, "lifecycle-prepare");
    thread.setDaemon(true);
    thread.start();
    return prepared;
  }

  private CompletableFuture<Void> startInBackground(Managed service, CompletableFuture<Void> preparation) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        if (preparation != null) {
          preparation.get();
        }
        start(service);
        done.complete(null);
      } catch (ExecutionException e) {
        done.completeExceptionally(e.getCause());
      } catch (Throwable t) {
        done.completeExceptionally(t);
      }
    }, "lifecycle-start-" + service.getClass().getSimpleName());
    thread.setDaemon(true);
    thread.start();
    return done;
  }

  private void start(Managed service) throws Exception {
    long startNs = System.nanoTime();
    try {
      service.start();
    } catch (Exception e) {
      // A failed start cleans up after itself (including what prepare built): never stopped.
      running.remove(service);
      log.error("Service[{}] failed to start; stopping the others", service.getClass().getName(), e);
      throw e;
    }
    running.add(service);
    log.debug("Started service[{}] in {} ms", service.getClass().getName(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs));
  }

  /** Waits for a background prepare or start, giving up if a stop is requested meanwhile. */
  private void await(Managed service, CompletableFuture<Void> future) throws Exception {
    while (true) {
      checkNotStopped();
      try {
        future.get(POLL_MS, TimeUnit.MILLISECONDS);
        return;
      } catch (TimeoutException e) {
        // poll the stop flag again
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Exception ex) {
          throw ex;
        }
        throw new IllegalStateException("Service[" + service.getClass().getName() + "] failed to start", cause);
      }
    }
  }

  /** Fails now, rather than at the stage that needs it, if a background start has failed already. */
  private void checkBackground(Map<Managed, CompletableFuture<Void>> background) throws Exception {
    for (Map.Entry<Managed, CompletableFuture<Void>> started : background.entrySet()) {
      if (started.getValue().isCompletedExceptionally()) {
        await(started.getKey(), started.getValue());
      }
    }
  }

  private void checkNotStopped() {
    if (stopRequested) {
      throw new IllegalStateException("Stopped during start-up");
    }
  }

  private static void join(CompletableFuture<Void> future) {
    try {
      future.join();
    } catch (RuntimeException e) {
      // reported by the thread that waited for it, or irrelevant once the start-up failed
    }
  }
}
