package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka security on the consumer side: a broker with a SASL_PLAINTEXT listener (mechanisms PLAIN and
 * SCRAM-SHA-256) is read by supervisors whose credentials come from environment variables (a
 * {@code druid.dynamic.config.provider} of type environment for PLAIN, an environment password
 * provider for SCRAM; the variables are set by the build for this test). Rows reach queries through
 * both; a supervisor with a wrong password (given by a mapString provider) reads nothing; no answer
 * or log line of ours or of the Kafka clients shows a credential.
 */
class KafkaSaslIT {
  private static final String PLAIN_JAAS_VARIABLE = "KIS_TEST_KAFKA_JAAS";
  private static final String SCRAM_PASSWORD_VARIABLE = "KIS_TEST_SCRAM_PASSWORD";
  private static final String SCRAM_JAAS_VARIABLE = "KIS_TEST_SCRAM_JAAS";
  private static final String SUP = "/druid/indexer/v1/supervisor";

  @TempDir
  Path tmp;

  @Test
  void supervisorsReadASaslListenerWithCredentialsFromTheEnvironment() throws Exception {
    String plainJaas = System.getenv(PLAIN_JAAS_VARIABLE);
    String scramPassword = System.getenv(SCRAM_PASSWORD_VARIABLE);
    assertTrue(plainJaas != null && scramPassword != null, "the build sets the credential variables for this test");
    int[] ports = FreePorts.of(3);
    String sasl = "127.0.0.1:" + ports[2];
    try (LogCapture logs = LogCapture.capture();
         TestCluster cluster = new TestCluster(tmp, Map.of("druid.historical.pollPeriod", "PT0.2S"), b -> b
             .port(ports[0]).controllerPort(ports[1])
             .brokerProperty("listeners", "PLAINTEXT://127.0.0.1:" + ports[0] + ",CONTROLLER://127.0.0.1:" + ports[1]
                 + ",SASL_PLAINTEXT://" + sasl)
             .brokerProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + ports[0] + ",SASL_PLAINTEXT://" + sasl)
             .brokerProperty("listener.security.protocol.map",
                 "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT")
             .brokerProperty("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-256")
             .brokerProperty("listener.name.sasl_plaintext.plain.sasl.jaas.config",
                 "org.apache.kafka.common.security.plain.PlainLoginModule required user_druid=\"kafka-plain-secret\";")
             .brokerProperty("listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config",
                 "org.apache.kafka.common.security.scram.ScramLoginModule required;"))) {
      cluster.createTopic("metrics", 1);
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
        admin.alterUserScramCredentials(List.<org.apache.kafka.clients.admin.UserScramCredentialAlteration>of(
            new UserScramCredentialUpsertion("druid-scram",
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), scramPassword)))
            .all().get(60, TimeUnit.SECONDS);
      }
      assertSaslRefusesWrongPassword(sasl);

      String plain = spec(cluster, "metrics-plain", sasl, "\"sasl.mechanism\": \"PLAIN\", \"druid.dynamic.config.provider\":"
          + " {\"type\": \"environment\", \"variables\": {\"sasl.jaas.config\": \"" + PLAIN_JAAS_VARIABLE + "\"}}");
      String scram = spec(cluster, "metrics-scram", sasl, "\"sasl.mechanism\": \"SCRAM-SHA-256\","
          + " \"sasl.jaas.config\": {\"type\": \"environment\", \"variable\": \"" + SCRAM_JAAS_VARIABLE + "\"}");
      String wrong = spec(cluster, "metrics-wrong", sasl, "\"sasl.mechanism\": \"PLAIN\","
          + " \"druid.dynamic.config.provider\": {\"type\": \"mapString\", \"config\": {\"sasl.jaas.config\":"
          + " \"org.apache.kafka.common.security.plain.PlainLoginModule required username='druid' password='not-it';\"}}");
      for (String s : List.of(plain, scram, wrong)) {
        Http.Response r = Http.post(cluster.overlord() + SUP, s);
        assertEquals(200, r.status(), r.body());
      }
      cluster.produce("metrics", Files.readAllLines(TestCluster.SEED.resolve("rows.json"), StandardCharsets.UTF_8),
          null);

      String query = Files.readString(TestCluster.SEED.resolve("search-query.json"), StandardCharsets.UTF_8);
      JsonNode expected = Http.JSON.readTree(TestCluster.SEED.resolve("search-result.json").toFile());
      for (String dataSource : List.of("metrics-plain", "metrics-scram")) {
        Http.await(() -> Http.post(cluster.broker() + "/druid/v2", query.replace("metrics-kafka", dataSource)),
            r -> r.status() == 200 && expected.toString().equals(r.body()), Duration.ofSeconds(90));
      }
      assertEquals("[]", Http.post(cluster.broker() + "/druid/v2", query.replace("metrics-kafka", "metrics-wrong"))
          .body(), "a wrong password reads nothing");

      for (String id : List.of("metrics-plain", "metrics-scram", "metrics-wrong")) {
        String shown = Http.get(cluster.overlord() + SUP + "/" + id).body() + Http.get(cluster.overlord() + SUP
            + "/" + id + "/status").body() + Http.get(cluster.overlord() + SUP + "/" + id + "/history").body();
        assertNoSecret(shown, plainJaas, scramPassword);
      }
      String tasks = Http.get(cluster.overlord() + "/druid/indexer/v1/runningTasks").body();
      for (JsonNode t : Http.JSON.readTree(tasks)) {
        assertNoSecret(Http.get(cluster.overlord() + "/druid/indexer/v1/task/" + t.get("id").asText()).body(),
            plainJaas, scramPassword);
      }
      for (String line : logs.lines()) {
        assertNoSecret(line, plainJaas, scramPassword);
      }
    }
  }

  private static void assertNoSecret(String text, String plainJaas, String scramPassword) {
    for (String secret : List.of("kafka-plain-secret", scramPassword, plainJaas, "not-it")) {
      assertFalse(text.contains(secret), "secret shown: " + text);
    }
  }

  private static String spec(TestCluster cluster, String dataSource, String bootstrap, String security)
      throws Exception {
    return cluster.seed("supervisor-spec.json")
        .replace("metrics-kafka", dataSource)
        .replace("\"taskDuration\": \"PT1H\"", "\"taskDuration\": \"PT1H\", \"useEarliestOffset\": true,"
            + " \"startDelay\": \"PT0S\", \"period\": \"PT1S\"")
        .replace("\"bootstrap.servers\": \"" + cluster.bootstrapServers() + "\"", "\"bootstrap.servers\": \""
            + bootstrap + "\", \"security.protocol\": \"SASL_PLAINTEXT\", " + security);
  }

  /** The SASL listener really authenticates: a wrong PLAIN password is refused. */
  private static void assertSaslRefusesWrongPassword(String sasl) throws InterruptedException {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, sasl,
        "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
        "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username='druid'"
            + " password='not-it';"))) {
      admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
      throw new AssertionError("a wrong password was accepted");
    } catch (ExecutionException e) {
      assertTrue(e.getCause() instanceof org.apache.kafka.common.errors.SaslAuthenticationException, e.toString());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    }
  }
}
