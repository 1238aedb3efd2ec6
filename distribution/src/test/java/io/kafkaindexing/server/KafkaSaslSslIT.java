package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * SASL over TLS: one broker listener of protocol {@code SASL_SSL} with mechanisms {@code PLAIN} and
 * {@code SCRAM-SHA-512} that also requires a client certificate. Two supervisors read it, one per
 * mechanism, with the JAAS configuration and the three store passwords taken from environment
 * variables (set by the build) through password providers and an environment
 * {@code druid.dynamic.config.provider}; the SCRAM spec also carries {@code ssl.key.password} inline so
 * that masking is what keeps it out of answers. Rows reach queries through both; the listener refuses
 * a wrong SCRAM-SHA-512 password. With Kafka's consumer configuration dump switched on (INFO), no
 * captured log line, task log, task payload, task status, supervisor status or history shows a secret.
 */
class KafkaSaslSslIT {
  private static final String PLAIN_JAAS_VARIABLE = "KIS_TEST_KAFKA_JAAS";
  private static final String SCRAM_PASSWORD_VARIABLE = "KIS_TEST_SCRAM512_PASSWORD";
  private static final String SCRAM_JAAS_VARIABLE = "KIS_TEST_SCRAM512_JAAS";
  private static final String TLS_PASSWORD_VARIABLE = "KIS_TEST_TLS_PASSWORD";
  private static final String OVERLORD = "/druid/indexer/v1";
  private static final String SUP = OVERLORD + "/supervisor";
  /** Kafka's clients log their whole configuration ("ConsumerConfig values: ...") through this logger at INFO. */
  private static final String CLIENT_CONFIG_LOGGER = "org.apache.kafka.common.config.AbstractConfig";

  @TempDir
  Path tmp;

  @Test
  void supervisorsReadASaslSslListenerWithPlainAndScram512() throws Exception {
    String plainJaas = System.getenv(PLAIN_JAAS_VARIABLE);
    String scramPassword = System.getenv(SCRAM_PASSWORD_VARIABLE);
    String scramJaas = System.getenv(SCRAM_JAAS_VARIABLE);
    String tlsPassword = System.getenv(TLS_PASSWORD_VARIABLE);
    assertTrue(plainJaas != null && scramPassword != null && scramJaas != null && tlsPassword != null,
        "the build sets the credential variables for this test");
    List<String> secrets = List.of("kafka-plain-secret", plainJaas, scramPassword, scramJaas, tlsPassword, "not-it");

    Path tls = Files.createDirectories(tmp.resolve("tls"));
    Path brokerStore = TlsStores.keyPair(tls, "broker", tlsPassword);
    Path clientStore = TlsStores.keyPair(tls, "client", tlsPassword);
    Path brokerTrust = TlsStores.trust(tls, "client", clientStore, "broker-trust.p12", tlsPassword);
    Path clientTrust = TlsStores.trust(tls, "broker", brokerStore, "client-trust.p12", tlsPassword);
    int[] ports = FreePorts.of(3);
    String saslSsl = "localhost:" + ports[2];
    String prefix = "listener.name.sasl_ssl.";
    Logger consumerConfigLogger = (Logger) LoggerFactory.getLogger(CLIENT_CONFIG_LOGGER);
    Level before = consumerConfigLogger.getLevel();
    try (LogCapture logs = LogCapture.capture();
         TestCluster cluster = new TestCluster(tmp.resolve("cluster"), Map.of("druid.historical.pollPeriod", "PT0.2S"),
             b -> b.port(ports[0]).controllerPort(ports[1])
                 .brokerProperty("listeners", "PLAINTEXT://127.0.0.1:" + ports[0] + ",CONTROLLER://127.0.0.1:"
                     + ports[1] + ",SASL_SSL://127.0.0.1:" + ports[2])
                 .brokerProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + ports[0] + ",SASL_SSL://"
                     + saslSsl)
                 .brokerProperty("listener.security.protocol.map",
                     "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL")
                 .brokerProperty("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-512")
                 .brokerProperty(prefix + "plain.sasl.jaas.config", "org.apache.kafka.common.security.plain"
                     + ".PlainLoginModule required user_druid=\"kafka-plain-secret\";")
                 .brokerProperty(prefix + "scram-sha-512.sasl.jaas.config",
                     "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                 .brokerProperty(prefix + "ssl.keystore.location", brokerStore.toString())
                 .brokerProperty(prefix + "ssl.keystore.type", "PKCS12")
                 .brokerProperty(prefix + "ssl.keystore.password", tlsPassword)
                 .brokerProperty(prefix + "ssl.key.password", tlsPassword)
                 .brokerProperty(prefix + "ssl.truststore.location", brokerTrust.toString())
                 .brokerProperty(prefix + "ssl.truststore.type", "PKCS12")
                 .brokerProperty(prefix + "ssl.truststore.password", tlsPassword)
                 .brokerProperty(prefix + "ssl.client.auth", "required"))) {
      cluster.createTopic("metrics", 1);
      consumerConfigLogger.setLevel(Level.INFO); // from here on, every Kafka client logs its configuration
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
        admin.alterUserScramCredentials(List.<UserScramCredentialAlteration>of(new UserScramCredentialUpsertion(
                "druid-scram512", new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), scramPassword)))
            .all().get(60, TimeUnit.SECONDS);
      }
      String stores = "\"ssl.truststore.location\": \"" + clientTrust + "\", \"ssl.truststore.type\": \"PKCS12\","
          + " \"ssl.keystore.location\": \"" + clientStore + "\", \"ssl.keystore.type\": \"PKCS12\"";
      assertScram512RefusesWrongPassword(saslSsl, clientTrust, clientStore, tlsPassword);

      String env = "{\"type\": \"environment\", \"variable\": \"%s\"}";
      String plain = spec(cluster, "metrics-sasl-ssl-plain", saslSsl, stores + ", \"sasl.mechanism\": \"PLAIN\","
          + " \"ssl.truststore.password\": " + env.formatted(TLS_PASSWORD_VARIABLE)
          + ", \"ssl.keystore.password\": " + env.formatted(TLS_PASSWORD_VARIABLE)
          + ", \"ssl.key.password\": " + env.formatted(TLS_PASSWORD_VARIABLE)
          + ", \"sasl.jaas.config\": " + env.formatted(PLAIN_JAAS_VARIABLE));
      String scram = spec(cluster, "metrics-sasl-ssl-scram512", saslSsl, stores
          + ", \"sasl.mechanism\": \"SCRAM-SHA-512\", \"ssl.key.password\": \"" + tlsPassword + "\","
          + " \"druid.dynamic.config.provider\": {\"type\": \"environment\", \"variables\": {"
          + "\"sasl.jaas.config\": \"" + SCRAM_JAAS_VARIABLE + "\", \"ssl.truststore.password\": \""
          + TLS_PASSWORD_VARIABLE + "\", \"ssl.keystore.password\": \"" + TLS_PASSWORD_VARIABLE + "\"}}");
      for (String s : List.of(plain, scram)) {
        Http.Response r = Http.post(cluster.overlord() + SUP, s);
        assertEquals(200, r.status(), r.body());
      }
      List<String> rows = Files.readAllLines(TestCluster.SEED.resolve("rows.json"), StandardCharsets.UTF_8);
      cluster.produce("metrics", rows, null);

      String query = Files.readString(TestCluster.SEED.resolve("search-query.json"), StandardCharsets.UTF_8);
      JsonNode expected = Http.JSON.readTree(TestCluster.SEED.resolve("search-result.json").toFile());
      for (String dataSource : List.of("metrics-sasl-ssl-plain", "metrics-sasl-ssl-scram512")) {
        Http.await(() -> Http.post(cluster.broker() + "/druid/v2", query.replace("metrics-kafka", dataSource)),
            r -> r.status() == 200 && expected.toString().equals(r.body()), Duration.ofSeconds(90));
      }

      List<String> answers = new ArrayList<>();
      answers.add(Http.get(cluster.overlord() + SUP + "?full").body());
      answers.add(Http.get(cluster.overlord() + SUP + "/history").body());
      for (String id : List.of("metrics-sasl-ssl-plain", "metrics-sasl-ssl-scram512")) {
        for (String path : List.of("", "/status", "/history")) {
          Http.Response r = Http.get(cluster.overlord() + SUP + "/" + id + path);
          assertEquals(200, r.status(), path + ": " + r.body());
          answers.add(r.body());
        }
      }
      Map<String, JsonNode> taskProperties = new HashMap<>();
      for (JsonNode t : Http.get(cluster.overlord() + OVERLORD + "/runningTasks").json()) {
        String id = t.get("id").asText();
        JsonNode payload = Http.get(cluster.overlord() + OVERLORD + "/task/" + id).json();
        taskProperties.put(payload.path("payload").path("dataSource").asText(),
            payload.path("payload").path("ioConfig").path("consumerProperties"));
        answers.add(payload.toString());
        for (String path : List.of("/status", "/reports", "/log")) {
          answers.add(Http.get(cluster.overlord() + OVERLORD + "/task/" + id + path).body());
        }
      }
      JsonNode scramTask = taskProperties.get("metrics-sasl-ssl-scram512");
      assertEquals("SASL_SSL", scramTask.path("security.protocol").asText(), taskProperties.toString());
      assertEquals("<masked>", scramTask.path("ssl.key.password").asText(), "an inline password is masked");
      assertEquals(TLS_PASSWORD_VARIABLE, taskProperties.get("metrics-sasl-ssl-plain")
          .path("ssl.keystore.password").path("variable").asText(), "a provider naming a variable is shown as written");
      answers.add(Http.get(cluster.overlord() + OVERLORD + "/tasks").body());
      for (String text : answers) {
        assertNoSecret(text, secrets);
      }

      List<String> lines = logs.lines();
      List<String> consumerConfigs = lines.stream().filter(l -> l.startsWith(CLIENT_CONFIG_LOGGER)
          && l.contains("ConsumerConfig values") && l.contains("security.protocol = SASL_SSL")).toList();
      assertFalse(consumerConfigs.isEmpty(), "Kafka's consumer configuration dump was captured");
      for (String dump : consumerConfigs) {
        for (String key : List.of("sasl.jaas.config", "ssl.truststore.password", "ssl.keystore.password",
            "ssl.key.password")) {
          assertTrue(dump.contains(key + " = [hidden]"), key + " in " + dump);
        }
      }
      for (String line : lines) {
        assertNoSecret(line, secrets);
      }
    } finally {
      consumerConfigLogger.setLevel(before);
    }
  }

  private static void assertNoSecret(String text, List<String> secrets) {
    for (String secret : secrets) {
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
            + bootstrap + "\", \"security.protocol\": \"SASL_SSL\", " + security);
  }

  /** The listener really authenticates over TLS: a wrong SCRAM-SHA-512 password is refused. */
  private static void assertScram512RefusesWrongPassword(String bootstrap, Path trust, Path keyStore,
      String tlsPassword) throws InterruptedException {
    Map<String, Object> config = new HashMap<>();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put("security.protocol", "SASL_SSL");
    config.put("sasl.mechanism", "SCRAM-SHA-512");
    config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
        + " username='druid-scram512' password='not-it';");
    config.put("ssl.truststore.location", trust.toString());
    config.put("ssl.truststore.type", "PKCS12");
    config.put("ssl.truststore.password", tlsPassword);
    config.put("ssl.keystore.location", keyStore.toString());
    config.put("ssl.keystore.type", "PKCS12");
    config.put("ssl.keystore.password", tlsPassword);
    config.put("ssl.key.password", tlsPassword);
    try (Admin admin = Admin.create(config)) {
      admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
      throw new AssertionError("a wrong SCRAM-SHA-512 password was accepted");
    } catch (ExecutionException e) {
      assertTrue(e.getCause() instanceof org.apache.kafka.common.errors.SaslAuthenticationException, e.toString());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    }
  }
}
