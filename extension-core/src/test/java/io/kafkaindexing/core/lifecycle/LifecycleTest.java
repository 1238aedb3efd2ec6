package io.kafkaindexing.core.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  /** Records starts and stops in a shared journal; can be told to fail either. */
  static class Service implements Managed {
    final String name;
    final Stage stage;
    final List<String> journal;
    boolean failStart;
    boolean failStop;

    Service(String name, Stage stage, List<String> journal) {
      this.name = name;
      this.stage = stage;
      this.journal = journal;
    }

    @Override
    public Stage stage() {
      return stage;
    }

    @Override
    public void start() throws Exception {
      journal.add("start " + name);
      if (failStart) {
        throw new IllegalStateException(name + " cannot start");
      }
    }

    @Override
    public void stop() throws Exception {
      journal.add("stop " + name);
      if (failStop) {
        throw new java.io.IOException(name + " cannot stop");
      }
    }
  }

  /** A service started on its own thread (needed by a later stage), optionally blocking on a latch. */
  static final class BackgroundService extends Service {
    final Stage neededBy;
    final CountDownLatch proceed;

    BackgroundService(String name, Stage stage, Stage neededBy, List<String> journal, CountDownLatch proceed) {
      super(name, stage, journal);
      this.neededBy = neededBy;
      this.proceed = proceed;
    }

    @Override
    public Stage neededBy() {
      return neededBy;
    }

    @Override
    public void start() throws Exception {
      journal.add("begin " + name + " on " + Thread.currentThread().getName());
      if (proceed != null && !proceed.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " was never allowed to proceed");
      }
      super.start();
    }
  }

  /** A preparable service; records the thread its prepare ran on. */
  static final class PreparedService extends Service implements Managed.Preparable {
    PreparedService(String name, Stage stage, List<String> journal) {
      super(name, stage, journal);
    }

    @Override
    public void prepare() {
      journal.add("prepare " + name + " on " + Thread.currentThread().getName());
    }
  }

  private static Lifecycle lifecycle(Service... services) {
    return new Lifecycle(new LinkedHashSet<>(List.of(services)));
  }

  @Test
  void startsByStageAndStopsInReverse() throws Exception {
    List<String> journal = new ArrayList<>();
    Service server = new Service("server", Managed.Stage.SERVER, journal);
    Service managers = new Service("managers", Managed.Stage.MANAGERS, journal);
    Service normal = new Service("normal", Managed.Stage.NORMAL, journal);
    Service init = new Service("init", Managed.Stage.INIT, journal);
    Lifecycle lifecycle = lifecycle(server, managers, normal, init);
    lifecycle.start();
    assertEquals(List.of("start init", "start normal", "start managers", "start server"), journal);
    journal.clear();
    lifecycle.stop();
    assertEquals(List.of("stop server", "stop managers", "stop normal", "stop init"), journal);
    journal.clear();
    lifecycle.stop();
    assertEquals(List.of(), journal, "stop is idempotent");
  }

  @Test
  void failedStartStopsTheStartedOnesAndRethrows() {
    List<String> journal = new ArrayList<>();
    Service init = new Service("init", Managed.Stage.INIT, journal);
    Service normal = new Service("normal", Managed.Stage.NORMAL, journal);
    Service broken = new Service("broken", Managed.Stage.MANAGERS, journal);
    Service server = new Service("server", Managed.Stage.SERVER, journal);
    broken.failStart = true;
    Lifecycle lifecycle = lifecycle(server, broken, normal, init);
    IllegalStateException e = assertThrows(IllegalStateException.class, lifecycle::start);
    assertEquals("broken cannot start", e.getMessage());
    assertEquals(List.of("start init", "start normal", "start broken", "stop normal", "stop init"), journal,
        "the failed service is not stopped, later ones are never started");
  }

  @Test
  void backgroundServiceStartsAlongsideLaterStagesAndRunsBeforeTheStageThatNeedsIt() throws Exception {
    List<String> journal = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch normalStarted = new CountDownLatch(1);
    BackgroundService kafka = new BackgroundService("kafka", Managed.Stage.INIT, Managed.Stage.MANAGERS, journal,
        normalStarted);
    Service db = new Service("db", Managed.Stage.INIT, journal) {
      @Override
      public void start() throws Exception {
        // Wait (boundedly) for kafka's thread to begin: it is launched before the in-line starts.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!journal.contains("begin kafka on lifecycle-start-BackgroundService") && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        super.start();
      }
    };
    Service normal = new Service("normal", Managed.Stage.NORMAL, journal) {
      @Override
      public void start() throws Exception {
        super.start();
        normalStarted.countDown();
      }
    };
    Service managers = new Service("managers", Managed.Stage.MANAGERS, journal);
    Lifecycle lifecycle = lifecycle(managers, normal, db, kafka);
    lifecycle.start();
    // kafka's start waited for normal's: had it run in line, start() would have failed after 30 s.
    assertTrue(journal.contains("begin kafka on lifecycle-start-BackgroundService"), journal.toString());
    assertTrue(journal.indexOf("start normal") < journal.indexOf("start kafka"), journal.toString());
    assertTrue(journal.indexOf("begin kafka on lifecycle-start-BackgroundService") < journal.indexOf("start db"),
        "registered after db in the same stage, kafka still begins first, so it overlaps db's start: " + journal);
    assertEquals("start managers", journal.get(journal.size() - 1), "managers start after kafka runs: " + journal);
    journal.clear();
    lifecycle.stop();
    assertEquals(List.of("stop managers", "stop normal", "stop kafka", "stop db"), journal,
        "stopped in reverse registration-by-stage order");
  }

  @Test
  void failedBackgroundStartStopsTheOthersAndIsRethrown() {
    List<String> journal = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch dbStarted = new CountDownLatch(1);
    BackgroundService kafka = new BackgroundService("kafka", Managed.Stage.INIT, Managed.Stage.MANAGERS, journal,
        dbStarted);
    kafka.failStart = true;
    Service db = new Service("db", Managed.Stage.INIT, journal) {
      @Override
      public void start() throws Exception {
        super.start();
        dbStarted.countDown(); // kafka fails only once db runs, so db has to be stopped again
      }
    };
    Service managers = new Service("managers", Managed.Stage.MANAGERS, journal);
    Lifecycle lifecycle = lifecycle(db, kafka, managers);
    IllegalStateException e = assertThrows(IllegalStateException.class, lifecycle::start);
    assertEquals("kafka cannot start", e.getMessage());
    assertTrue(journal.contains("stop db"), journal.toString());
    assertFalse(journal.contains("start managers"), journal.toString());
    assertFalse(journal.contains("stop kafka"), "a failed start is not stopped: " + journal);
  }

  @Test
  void preparableIsPreparedOnABackgroundThreadBeforeItsStart() throws Exception {
    List<String> journal = Collections.synchronizedList(new ArrayList<>());
    PreparedService http = new PreparedService("http", Managed.Stage.SERVER, journal);
    Service db = new Service("db", Managed.Stage.INIT, journal);
    Lifecycle lifecycle = lifecycle(http, db);
    lifecycle.start();
    assertTrue(journal.contains("prepare http on lifecycle-prepare"), journal.toString());
    assertTrue(journal.indexOf("prepare http on lifecycle-prepare") < journal.indexOf("start http"),
        journal.toString());
    lifecycle.stop();
    assertEquals("stop db", journal.get(journal.size() - 1));
  }

  @Test
  void preparedButNeverStartedServiceIsStoppedWhenTheStartUpFails() {
    List<String> journal = Collections.synchronizedList(new ArrayList<>());
    PreparedService http = new PreparedService("http", Managed.Stage.SERVER, journal);
    Service broken = new Service("broken", Managed.Stage.NORMAL, journal) {
      @Override
      public void start() throws Exception {
        // Fail only once http is prepared (its prepare runs on another thread).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!journal.contains("prepare http on lifecycle-prepare") && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        super.start();
      }
    };
    broken.failStart = true;
    Lifecycle lifecycle = lifecycle(http, broken);
    assertThrows(IllegalStateException.class, lifecycle::start);
    assertTrue(journal.contains("prepare http on lifecycle-prepare"), journal.toString());
    assertTrue(journal.contains("stop http"), "what prepare built is released: " + journal);
    assertFalse(journal.contains("start http"), journal.toString());
  }

  @Test
  void stopDuringTheStartUpEndsItAndStopsWhatStarted() throws Exception {
    List<String> journal = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch release = new CountDownLatch(1);
    BackgroundService kafka = new BackgroundService("kafka", Managed.Stage.INIT, Managed.Stage.MANAGERS, journal,
        release);
    Service db = new Service("db", Managed.Stage.INIT, journal);
    Service managers = new Service("managers", Managed.Stage.MANAGERS, journal);
    Lifecycle lifecycle = lifecycle(db, kafka, managers);
    CompletableFuture<Void> starting = CompletableFuture.runAsync(() -> {
      try {
        lifecycle.start();
      } catch (Exception e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!journal.contains("start db") && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(lifecycle::stop);
    Thread.sleep(200); // the start-up sees the request while it waits for kafka
    release.countDown();
    java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
        () -> starting.get(30, TimeUnit.SECONDS));
    assertEquals("Stopped during start-up", e.getCause().getMessage());
    stopping.get(30, TimeUnit.SECONDS);
    assertFalse(journal.contains("start managers"), journal.toString());
    assertTrue(journal.contains("stop kafka") && journal.contains("stop db"), journal.toString());
    assertTrue(journal.indexOf("stop kafka") < journal.indexOf("stop db"), journal.toString());
  }

  @Test
  void neededByBeforeItsOwnStageIsRejected() {
    BackgroundService odd = new BackgroundService("odd", Managed.Stage.MANAGERS, Managed.Stage.INIT,
        new ArrayList<>(), null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lifecycle(odd));
    assertTrue(e.getMessage().contains("before its own stage[MANAGERS]"), e.getMessage());
  }

  @Test
  void stopContinuesPastAFailure() throws Exception {
    List<String> journal = new ArrayList<>();
    Service a = new Service("a", Managed.Stage.INIT, journal);
    Service b = new Service("b", Managed.Stage.NORMAL, journal);
    Service c = new Service("c", Managed.Stage.SERVER, journal);
    b.failStop = true;
    Lifecycle lifecycle = lifecycle(a, b, c);
    lifecycle.start();
    lifecycle.stop();
    assertEquals(List.of("start a", "start b", "start c", "stop c", "stop b", "stop a"), journal);
  }

  @Test
  void defaultStageIsNormal() {
    Managed m = new Managed() {
      @Override
      public void start() {
      }

      @Override
      public void stop() {
      }
    };
    assertEquals(Managed.Stage.NORMAL, m.stage());
  }

  /** Guice-registered services for the binder helpers. */
  public static final class Journal {
    final List<String> entries = new ArrayList<>();
  }

  public static final class InitService implements Managed {
    private final Journal journal;

    @com.google.inject.Inject
    public InitService(Journal journal) {
      this.journal = journal;
    }

    @Override
    public Stage stage() {
      return Stage.INIT;
    }

    @Override
    public void start() {
      journal.entries.add("start init");
    }

    @Override
    public void stop() {
      journal.entries.add("stop init");
    }
  }

  public static final class ServerService implements Managed {
    private final Journal journal;

    @com.google.inject.Inject
    public ServerService(Journal journal) {
      this.journal = journal;
    }

    @Override
    public Stage stage() {
      return Stage.SERVER;
    }

    @Override
    public void start() {
      journal.entries.add("start server");
    }

    @Override
    public void stop() {
      journal.entries.add("stop server");
    }
  }

  @Test
  void registeredServicesAreSingletonsRunByTheInjectedLifecycle() throws Exception {
    Journal journal = new Journal();
    Injector injector = Guice.createInjector(binder -> {
      binder.bind(Journal.class).toInstance(journal);
      Lifecycle.declare(binder);
      Lifecycle.register(binder, ServerService.class);
      Lifecycle.register(binder, InitService.class);
    });
    Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
    assertSame(lifecycle, injector.getInstance(Lifecycle.class));
    assertSame(injector.getInstance(InitService.class), injector.getInstance(InitService.class));
    lifecycle.start();
    lifecycle.stop();
    assertEquals(List.of("start init", "start server", "stop server", "stop init"), journal.entries);
  }

  @Test
  void declaredButEmptyLifecycleInjects() throws Exception {
    Injector injector = Guice.createInjector(Lifecycle::declare);
    Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
    lifecycle.start();
    lifecycle.stop();
    assertEquals(Set.of(), injector.getInstance(com.google.inject.Key.get(
        new com.google.inject.TypeLiteral<Set<Managed>>() { })));
  }
}
