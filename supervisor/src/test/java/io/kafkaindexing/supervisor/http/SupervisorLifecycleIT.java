package io.kafkaindexing.supervisor.http;

import static io.kafkaindexing.supervisor.http.SupervisorResourceIT.get;
import static io.kafkaindexing.supervisor.http.SupervisorResourceIT.post;
import static io.kafkaindexing.supervisor.http.SupervisorResourceIT.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.lifecycle.Lifecycle;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The supervisor lifecycle endpoints over HTTP, with Druid's answers: suspend, resume, suspendAll,
 * resumeAll, terminate (tombstone in the history, id free again), reset, resetOffsets, health and
 * history; 404 and 400 bodies as Druid words them. Specs point at a closed port and never run.
 */
class SupervisorLifecycleIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API = "/druid/indexer/v1/supervisor";
  private static String overlord;
  private static Lifecycle lifecycle;

  @BeforeAll
  static void startServer() throws Exception {
    overlord = SupervisorResourceIT.start("jdbc:derby:memory:lifecycle-it-" + UUID.randomUUID() + ";create=true");
    lifecycle = SupervisorResourceIT.lifecycleForCleanup();
  }

  @AfterAll
  static void stopServer() {
    if (lifecycle != null) {
      lifecycle.stop();
    }
  }

  private static HttpResponse<String> postEmpty(String path) throws Exception {
    return post(overlord, API + path, "", "application/json");
  }

  @Test
  void suspendAndResumeAnswerTheSpecAndRefuseRepeats() throws Exception {
    assertEquals(200, post(overlord, API, spec("sr", "PT1H", s -> { }), "application/json").statusCode());

    HttpResponse<String> suspended = postEmpty("/sr/suspend");
    assertEquals(200, suspended.statusCode(), suspended.body());
    assertTrue(JSON.readTree(suspended.body()).get("suspended").asBoolean());
    assertTrue(JSON.readTree(get(overlord, API + "/sr").body()).get("suspended").asBoolean());
    JsonNode status = JSON.readTree(get(overlord, API + "/sr/status").body()).get("payload");
    assertEquals("SUSPENDED", status.get("state").asText());
    assertTrue(status.get("suspended").asBoolean());

    HttpResponse<String> again = postEmpty("/sr/suspend");
    assertEquals(400, again.statusCode());
    assertEquals("{\"error\":\"[sr] is already suspended\"}", again.body());

    HttpResponse<String> resumed = postEmpty("/sr/resume");
    assertEquals(200, resumed.statusCode(), resumed.body());
    assertFalse(JSON.readTree(resumed.body()).get("suspended").asBoolean());
    HttpResponse<String> resumeAgain = postEmpty("/sr/resume");
    assertEquals(400, resumeAgain.statusCode());
    assertEquals("{\"error\":\"[sr] is already running\"}", resumeAgain.body());

    assertEquals("{\"status\":\"success\"}", postEmpty("/suspendAll").body());
    assertTrue(JSON.readTree(get(overlord, API + "/sr").body()).get("suspended").asBoolean());
    assertEquals("{\"status\":\"success\"}", postEmpty("/resumeAll").body());
    assertFalse(JSON.readTree(get(overlord, API + "/sr").body()).get("suspended").asBoolean());
  }

  @Test
  void terminateStoresATombstoneAndFreesTheId() throws Exception {
    assertEquals(200, post(overlord, API, spec("gone", "PT1H", s -> { }), "application/json").statusCode());
    HttpResponse<String> terminated = postEmpty("/gone/terminate");
    assertEquals(200, terminated.statusCode(), terminated.body());
    assertEquals("{\"id\":\"gone\"}", terminated.body());
    assertFalse(JSON.readTree(get(overlord, API).body()).toString().contains("\"gone\""));

    HttpResponse<String> missing = get(overlord, API + "/gone");
    assertEquals(404, missing.statusCode());
    assertEquals("{\"error\":\"[gone] does not exist\"}", missing.body());
    assertEquals(404, postEmpty("/gone/terminate").statusCode());

    JsonNode history = JSON.readTree(get(overlord, API + "/gone/history").body());
    assertEquals(2, history.size(), history.toString());
    assertEquals("NoopSupervisorSpec", history.get(0).get("spec").get("type").asText(), "newest first: tombstone");
    assertEquals("kafka", history.get(1).get("spec").get("type").asText());
    assertTrue(history.get(0).hasNonNull("version"));
    assertTrue(JSON.readTree(get(overlord, API + "/history").body()).has("gone"));

    assertEquals(200, post(overlord, API, spec("gone", "PT1H", s -> { }), "application/json").statusCode());
    assertEquals(3, JSON.readTree(get(overlord, API + "/gone/history").body()).size());
  }

  @Test
  void healthResetAndUnknownIds() throws Exception {
    assertEquals(200, post(overlord, API, spec("hr", "PT1H", s -> { }), "application/json").statusCode());
    HttpResponse<String> health = get(overlord, API + "/hr/health");
    assertEquals(200, health.statusCode());
    assertEquals("{\"healthy\":true}", health.body());

    assertEquals("{\"id\":\"hr\"}", postEmpty("/hr/reset").body());
    HttpResponse<String> offsets = post(overlord, API + "/hr/resetOffsets",
        "{\"type\":\"kafka\",\"partitions\":{\"type\":\"end\",\"stream\":\"metrics\",\"partitionOffsetMap\":{\"0\":7}}}",
        "application/json");
    assertEquals(200, offsets.statusCode(), offsets.body());
    HttpResponse<String> wrongTopic = post(overlord, API + "/hr/resetOffsets",
        "{\"type\":\"kafka\",\"partitions\":{\"type\":\"end\",\"stream\":\"other\",\"partitionOffsetMap\":{\"0\":7}}}",
        "application/json");
    assertEquals(400, wrongTopic.statusCode(), wrongTopic.body());
    HttpResponse<String> badBody = post(overlord, API + "/hr/resetOffsets", "{\"type\":\"kafka\"}", "application/json");
    assertEquals(400, badBody.statusCode(), badBody.body());

    assertEquals("{\"error\":\"[nope] does not exist or health check not implemented\"}",
        get(overlord, API + "/nope/health").body());
    assertEquals("{\"error\":\"No history for [nope].\"}", get(overlord, API + "/nope/history").body());
    assertEquals(404, postEmpty("/nope/suspend").statusCode());
    assertEquals(404, postEmpty("/nope/reset").statusCode());
  }

  @Test
  void systemListingAndEarlyHandoffRequests() throws Exception {
    assertEquals(200, post(overlord, API, spec("sys", "PT1H", s -> { }), "application/json").statusCode());
    JsonNode system = JSON.readTree(get(overlord, API + "?system").body());
    JsonNode entry = null;
    for (JsonNode e : system) {
      if (e.get("id").asText().equals("sys")) {
        entry = e;
      }
    }
    assertTrue(entry != null, system.toString());
    assertEquals(java.util.List.of("id", "state", "detailedState", "healthy", "specString", "type", "source",
        "suspended"), io.kafkaindexing.supervisor.SupervisorTestSupport.keys(entry));
    assertEquals("kafka", entry.get("type").asText());
    assertEquals("metrics", entry.get("source").asText());
    assertFalse(entry.get("suspended").asBoolean());
    assertEquals(JSON.readTree(get(overlord, API + "/sys").body()), JSON.readTree(entry.get("specString").asText()),
        "specString is the spec as GET /{id} answers it, as a string");

    HttpResponse<String> handoff = post(overlord, API + "/sys/taskGroups/handoff", "{\"taskGroupIds\":[0,1]}",
        "application/json");
    assertEquals(200, handoff.statusCode(), handoff.body());
    assertEquals("", handoff.body());
    HttpResponse<String> empty = post(overlord, API + "/sys/taskGroups/handoff", "{\"taskGroupIds\":[]}",
        "application/json");
    assertEquals(400, empty.statusCode(), empty.body());
    assertTrue(empty.body().contains("taskGroupIds"), empty.body());
    assertEquals(400, post(overlord, API + "/sys/taskGroups/handoff", "{}", "application/json").statusCode());
    HttpResponse<String> unknown = post(overlord, API + "/nope/taskGroups/handoff", "{\"taskGroupIds\":[0]}",
        "application/json");
    assertEquals(404, unknown.statusCode());
    assertEquals("{\"error\":\"[nope] does not exist\"}", unknown.body());
  }
}
