package io.kafkaindexing.supervisor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * A supervisor's state as Druid reports it: a basic {@link State} and a {@link DetailedState}, and
 * the most recent errors. A run of the supervisor ends with {@link #markRunSucceeded} or
 * {@link #recordError}; {@code unhealthinessThreshold} consecutive failures (Druid's default 3)
 * turn the state unhealthy, {@code healthinessThreshold} consecutive successes turn it healthy
 * again. Thread-safe (synchronized).
 */
public final class SupervisorStateManager {
  /** Druid's basic supervisor states. */
  public enum State {
    UNHEALTHY_SUPERVISOR(false), UNHEALTHY_TASKS(false), PENDING(true), RUNNING(true), IDLE(true),
    SUSPENDED(true), STOPPING(true);

    private final boolean healthy;

    State(boolean healthy) {
      this.healthy = healthy;
    }

    public boolean isHealthy() {
      return healthy;
    }
  }

  /** Druid's detailed states, each with the basic state it reports as. */
  public enum DetailedState {
    /** Created, first run not started (startDelay). */
    PENDING(State.PENDING),
    /** First run: talking to Kafka to list partitions. */
    CONNECTING_TO_STREAM(State.RUNNING),
    /** First run: looking for tasks it already runs. */
    DISCOVERING_INITIAL_TASKS(State.RUNNING),
    /** First run: starting tasks. */
    CREATING_TASKS(State.RUNNING),
    RUNNING(State.RUNNING),
    IDLE(State.IDLE),
    SUSPENDED(State.SUSPENDED),
    STOPPING(State.STOPPING),
    /** Never reached Kafka, repeatedly. */
    UNABLE_TO_CONNECT_TO_STREAM(State.UNHEALTHY_SUPERVISOR),
    /** Reached Kafka once, then repeatedly failed. */
    LOST_CONTACT_WITH_STREAM(State.UNHEALTHY_SUPERVISOR),
    UNHEALTHY_SUPERVISOR(State.UNHEALTHY_SUPERVISOR),
    UNHEALTHY_TASKS(State.UNHEALTHY_TASKS);

    private final State basic;

    DetailedState(State basic) {
      this.basic = basic;
    }

    public State basic() {
      return basic;
    }
  }

  /** One recorded error, as Druid's {@code recentErrors} entries. */
  @JsonPropertyOrder({"timestamp", "exceptionClass", "message", "streamException"})
  public record ExceptionEvent(@JsonProperty("timestamp") DateTime timestamp,
      @JsonProperty("exceptionClass") String exceptionClass, @JsonProperty("message") String message,
      @JsonProperty("streamException") boolean streamException) {
  }

  private static final int UNHEALTHY_THRESHOLD = 3;
  private static final int HEALTHY_THRESHOLD = 3;
  private static final int MAX_EVENTS = 3;

  private DetailedState detailed = DetailedState.PENDING;
  private boolean firstRunDone;
  private boolean everConnected;
  private int consecutiveFailures;
  private int consecutiveSuccesses;
  private int consecutiveTaskFailures;
  private boolean streamFailure;
  private final Deque<ExceptionEvent> events = new ArrayDeque<>();

  public synchronized void transition(DetailedState state) {
    if (!firstRunDone || state == DetailedState.SUSPENDED || state == DetailedState.STOPPING
        || detailed == DetailedState.SUSPENDED) {
      detailed = state;
    }
  }

  public synchronized void markConnected() {
    everConnected = true;
  }

  /** A run finished without error. */
  public synchronized void markRunSucceeded(boolean suspended) {
    markRunSucceeded(suspended, false);
  }

  /** A run finished without error; {@code idle}: it found nothing to read for {@code idleConfig}'s time. */
  public synchronized void markRunSucceeded(boolean suspended, boolean idle) {
    firstRunDone = true;
    consecutiveFailures = 0;
    consecutiveSuccesses++;
    if (suspended) {
      detailed = DetailedState.SUSPENDED;
    } else if (detailed.basic().isHealthy() || consecutiveSuccesses >= HEALTHY_THRESHOLD) {
      detailed = idle ? DetailedState.IDLE : DetailedState.RUNNING;
    }
  }

  /** A run failed; {@code stream} says whether talking to Kafka failed. */
  public synchronized void recordError(Throwable t, boolean stream) {
    consecutiveSuccesses = 0;
    consecutiveFailures++;
    streamFailure = stream;
    events.addLast(new ExceptionEvent(DateTime.now(DateTimeZone.UTC), t.getClass().getName(),
        t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage(), stream));
    while (events.size() > MAX_EVENTS) {
      events.removeFirst();
    }
    if (consecutiveFailures >= UNHEALTHY_THRESHOLD) {
      firstRunDone = true;
      detailed = !streamFailure ? DetailedState.UNHEALTHY_SUPERVISOR
          : everConnected ? DetailedState.LOST_CONTACT_WITH_STREAM : DetailedState.UNABLE_TO_CONNECT_TO_STREAM;
    }
  }

  /**
   * A task ended without publishing (failed, or its group did not complete); after
   * {@code taskUnhealthinessThreshold} (3) in a row the state is {@code UNHEALTHY_TASKS}.
   */
  public synchronized void recordTaskFailure() {
    consecutiveTaskFailures++;
    if (consecutiveTaskFailures >= UNHEALTHY_THRESHOLD && detailed.basic().isHealthy()
        && detailed != DetailedState.SUSPENDED) {
      detailed = DetailedState.UNHEALTHY_TASKS;
      firstRunDone = true;
    }
  }

  /** A task published successfully: task health is restored. */
  public synchronized void recordTaskSuccess() {
    consecutiveTaskFailures = 0;
    if (detailed == DetailedState.UNHEALTHY_TASKS) {
      detailed = DetailedState.RUNNING;
    }
  }

  public synchronized State state() {
    return detailed.basic();
  }

  public synchronized DetailedState detailedState() {
    return detailed;
  }

  public synchronized boolean isHealthy() {
    return detailed.basic().isHealthy();
  }

  public synchronized List<ExceptionEvent> recentErrors() {
    return List.copyOf(events);
  }
}
