package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka over TLS with client certificates: the broker's SSL listener requires a client certificate;
 * the supervisor's spec names its truststore and keystore and takes the three store passwords
 * ({@code ssl.truststore.password}, {@code ssl.keystore.password}, {@code ssl.key.password}) from an
 * environment variable through password providers, as Druid documents for SSL. Rows reach queries;
 * a supervisor without a client certificate reads nothing; no answer or log line shows the password.
 */
class KafkaSslIT {
  private static final String PASSWORD_VARIABLE = "KIS_TEST_TLS_PASSWORD";

  @TempDir
  Path tmp;

  @Test
  void supervisorReadsATlsListenerWithStorePasswordsFromTheEnvironment() throws Exception {
    String password = System.getenv(PASSWORD_VARIABLE);
    assertTrue(password != null, "the build sets " + PASSWORD_VARIABLE + " for this test");
    Path tls = Files.createDirectories(tmp.resolve("tls"));
    Path brokerStore = TlsStores.keyPair(tls, "broker", password);
    Path clientStore = TlsStores.keyPair(tls, "client", password);
    Path brokerTrust = TlsStores.trust(tls, "client", clientStore, "broker-trust.p12", password);
    Path clientTrust = TlsStores.trust(tls, "broker", brokerStore, "client-trust.p12", password);
    int[] ports = FreePorts.of(3);
    String ssl = "localhost:" + ports[2];
    String prefix = "listener.name.ssl.";
    try (LogCapture logs = LogCapture.capture();
         TestCluster cluster = new TestCluster(tmp.resolve("cluster"), Map.of("druid.historical.pollPeriod", "PT0.2S"),
             b -> b.port(ports[0]).controllerPort(ports[1])
                 .brokerProperty("listeners", "PLAINTEXT://127.0.0.1:" + ports[0] + ",CONTROLLER://127.0.0.1:"
                     + ports[1] + ",SSL://127.0.0.1:" + ports[2])
                 .brokerProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + ports[0] + ",SSL://" + ssl)
                 .brokerProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SSL:SSL")
                 .brokerProperty(prefix + "ssl.keystore.location", brokerStore.toString())
                 .brokerProperty(prefix + "ssl.keystore.type", "PKCS12")
                 .brokerProperty(prefix + "ssl.keystore.password", password)
                 .brokerProperty(prefix + "ssl.key.password", password)
                 .brokerProperty(prefix + "ssl.truststore.location", brokerTrust.toString())
                 .brokerProperty(prefix + "ssl.truststore.type", "PKCS12")
                 .brokerProperty(prefix + "ssl.truststore.password", password)
                 .brokerProperty(prefix + "ssl.client.auth", "required"))) {
      cluster.createTopic("metrics", 1);
      String provider = "{\"type\": \"environment\", \"variable\": \"" + PASSWORD_VARIABLE + "\"}";
      String trustSettings = "\"ssl.truststore.location\": \"" + clientTrust + "\", \"ssl.truststore.type\": \"PKCS12\","
          + " \"ssl.truststore.password\": " + provider;
      String withCertificate = spec(cluster, "metrics-tls", ssl, trustSettings + ", \"ssl.keystore.location\": \""
          + clientStore + "\", \"ssl.keystore.type\": \"PKCS12\", \"ssl.keystore.password\": " + provider
          + ", \"ssl.key.password\": " + provider);
      String without = spec(cluster, "metrics-nocert", ssl, trustSettings);
      for (String s : List.of(withCertificate, without)) {
        Http.Response r = Http.post(cluster.overlord() + "/druid/indexer/v1/supervisor", s);
        assertEquals(200, r.status(), r.body());
      }
      cluster.produce("metrics", Files.readAllLines(TestCluster.SEED.resolve("rows.json"), StandardCharsets.UTF_8),
          null);
      String query = Files.readString(TestCluster.SEED.resolve("search-query.json"), StandardCharsets.UTF_8);
      JsonNode expected = Http.JSON.readTree(TestCluster.SEED.resolve("search-result.json").toFile());
      Http.await(() -> Http.post(cluster.broker() + "/druid/v2", query.replace("metrics-kafka", "metrics-tls")),
          r -> r.status() == 200 && expected.toString().equals(r.body()), Duration.ofSeconds(90));
      assertEquals("[]", Http.post(cluster.broker() + "/druid/v2", query.replace("metrics-kafka", "metrics-nocert"))
          .body(), "without a client certificate nothing is read");

      JsonNode shown = Http.get(cluster.overlord() + "/druid/indexer/v1/supervisor/metrics-tls").json()
          .get("ioConfig").get("consumerProperties");
      assertEquals(PASSWORD_VARIABLE, shown.get("ssl.keystore.password").get("variable").asText(),
          "a provider naming a variable is shown as written");
      List<String> answers = new ArrayList<>();
      answers.add(Http.get(cluster.overlord() + "/druid/indexer/v1/supervisor?full").body());
      answers.add(Http.get(cluster.overlord() + "/druid/indexer/v1/supervisor/history").body());
      for (JsonNode t : Http.get(cluster.overlord() + "/druid/indexer/v1/runningTasks").json()) {
        answers.add(Http.get(cluster.overlord() + "/druid/indexer/v1/task/" + t.get("id").asText()).body());
      }
      for (String text : answers) {
        assertFalse(text.contains(password), text);
      }
      for (String line : logs.lines()) {
        assertFalse(line.contains(password), line);
      }
    }
  }

  private static String spec(TestCluster cluster, String dataSource, String bootstrap, String security)
      throws Exception {
    return cluster.seed("supervisor-spec.json")
        .replace("metrics-kafka", dataSource)
        .replace("\"taskDuration\": \"PT1H\"", "\"taskDuration\": \"PT1H\", \"useEarliestOffset\": true,"
            + " \"startDelay\": \"PT0S\", \"period\": \"PT1S\"")
        .replace("\"bootstrap.servers\": \"" + cluster.bootstrapServers() + "\"", "\"bootstrap.servers\": \""
            + bootstrap + "\", \"security.protocol\": \"SSL\", " + security);
  }
}
