package io.kafkaindexing.core.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
