package io.kafkaindexing.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.supervisor.SupervisorStateManager.DetailedState;
import io.kafkaindexing.supervisor.SupervisorStateManager.State;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupervisorStateManagerTest {
  private static void firstRun(SupervisorStateManager s) {
    s.transition(DetailedState.CONNECTING_TO_STREAM);
    s.markConnected();
    s.transition(DetailedState.DISCOVERING_INITIAL_TASKS);
    s.transition(DetailedState.CREATING_TASKS);
    s.markRunSucceeded(false);
  }

  private static void fail(SupervisorStateManager s, int times, boolean stream) {
    for (int i = 0; i < times; i++) {
      s.recordError(new IllegalStateException("failure " + i), stream);
    }
  }

  @Test
  void startsPendingAndHealthy() {
    SupervisorStateManager s = new SupervisorStateManager();
    assertEquals(State.PENDING, s.state());
    assertEquals(DetailedState.PENDING, s.detailedState());
    assertTrue(s.isHealthy());
    assertEquals(List.of(), s.recentErrors());
  }

  @Test
  void firstRunShowsItsStepsThenRunning() {
    SupervisorStateManager s = new SupervisorStateManager();
    s.transition(DetailedState.CONNECTING_TO_STREAM);
    assertEquals(State.RUNNING, s.state());
    assertEquals(DetailedState.CONNECTING_TO_STREAM, s.detailedState());
    s.transition(DetailedState.CREATING_TASKS);
    assertEquals(DetailedState.CREATING_TASKS, s.detailedState());
    s.markRunSucceeded(false);
    assertEquals(DetailedState.RUNNING, s.detailedState());
    // Later runs do not show their steps.
    s.transition(DetailedState.CONNECTING_TO_STREAM);
    assertEquals(DetailedState.RUNNING, s.detailedState());
  }

  @Test
  void staysHealthyBelowTheUnhealthinessThreshold() {
    SupervisorStateManager s = new SupervisorStateManager();
    firstRun(s);
    fail(s, 2, false);
    assertEquals(DetailedState.RUNNING, s.detailedState());
    assertTrue(s.isHealthy());
    s.markRunSucceeded(false);
    fail(s, 2, false);
    assertTrue(s.isHealthy(), "a success resets the count of consecutive failures");
  }

  @Test
  void threeConsecutiveFailuresMakeItUnhealthy() {
    SupervisorStateManager s = new SupervisorStateManager();
    firstRun(s);
    fail(s, 3, false);
    assertEquals(State.UNHEALTHY_SUPERVISOR, s.state());
    assertEquals(DetailedState.UNHEALTHY_SUPERVISOR, s.detailedState());
    assertFalse(s.isHealthy());
  }

  @Test
  void neverReachingKafkaIsUnableToConnect() {
    SupervisorStateManager s = new SupervisorStateManager();
    s.transition(DetailedState.CONNECTING_TO_STREAM);
    fail(s, 3, true);
    assertEquals(DetailedState.UNABLE_TO_CONNECT_TO_STREAM, s.detailedState());
    assertEquals(State.UNHEALTHY_SUPERVISOR, s.state());
    s.transition(DetailedState.CONNECTING_TO_STREAM);
    assertEquals(DetailedState.UNABLE_TO_CONNECT_TO_STREAM, s.detailedState(), "steps no longer shown");
  }

  @Test
  void losingKafkaAfterReachingItIsLostContact() {
    SupervisorStateManager s = new SupervisorStateManager();
    firstRun(s);
    fail(s, 3, true);
    assertEquals(DetailedState.LOST_CONTACT_WITH_STREAM, s.detailedState());
    assertFalse(s.isHealthy());
  }

  @Test
  void recoveryNeedsThreeConsecutiveSuccesses() {
    SupervisorStateManager s = new SupervisorStateManager();
    firstRun(s);
    fail(s, 3, false);
    s.markRunSucceeded(false);
    s.markRunSucceeded(false);
    assertFalse(s.isHealthy());
    s.recordError(new IllegalStateException("again"), false);
    s.markRunSucceeded(false);
    s.markRunSucceeded(false);
    assertFalse(s.isHealthy(), "a failure restarts the count of successes");
    s.markRunSucceeded(false);
    assertTrue(s.isHealthy());
    assertEquals(DetailedState.RUNNING, s.detailedState());
  }

  @Test
  void suspendedAndStopping() {
    SupervisorStateManager s = new SupervisorStateManager();
    firstRun(s);
    s.markRunSucceeded(true);
    assertEquals(State.SUSPENDED, s.state());
    assertTrue(s.isHealthy());
    s.markRunSucceeded(false);
    assertEquals(DetailedState.RUNNING, s.detailedState(), "resumed");
    s.transition(DetailedState.SUSPENDED);
    assertEquals(DetailedState.SUSPENDED, s.detailedState(), "suspension shows at once");
    s.transition(DetailedState.STOPPING);
    assertEquals(State.STOPPING, s.state());
  }

  @Test
  void unhealthySupervisorCanStillBeSuspended() {
    SupervisorStateManager s = new SupervisorStateManager();
    firstRun(s);
    fail(s, 3, false);
    s.markRunSucceeded(true);
    assertEquals(DetailedState.SUSPENDED, s.detailedState());
  }

  @Test
  void keepsTheThreeMostRecentErrors() throws Exception {
    SupervisorStateManager s = new SupervisorStateManager();
    fail(s, 5, false);
    s.recordError(new RuntimeException(), true);
    List<SupervisorStateManager.ExceptionEvent> errors = s.recentErrors();
    assertEquals(3, errors.size());
    assertEquals("failure 3", errors.get(0).message());
    assertEquals("failure 4", errors.get(1).message());
    assertEquals("RuntimeException", errors.get(2).message(), "no message: the class name");
    assertEquals("java.lang.IllegalStateException", errors.get(0).exceptionClass());
    assertTrue(errors.get(2).streamException());

    ObjectMapper mapper = SupervisorTestSupport.mapper();
    JsonNode json = mapper.valueToTree(errors.get(0));
    assertEquals(List.of("timestamp", "exceptionClass", "message", "streamException"),
        SupervisorTestSupport.keys(json));
    assertTrue(json.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
        json.toString());
  }
}
