package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed walkthrough in high-security mode: Kerberos everywhere, from an in-process KDC. The REST
 * APIs take SPNEGO only (the {@code kerberos} authenticator, with the basic authorizer giving
 * principal {@code druid} the admin role); the supervisor and its tasks read Kafka over
 * {@code SASL_PLAINTEXT} with {@code GSSAPI}; rows are produced with GSSAPI too. Calls are made with
 * the JDK's SPNEGO client and, where MIT's {@code kinit} and a SPNEGO-capable {@code curl} are
 * installed, exactly as the seed's high-security commands do: {@code curl --negotiate -u:druid -b
 * cookies -c cookies}.
 */
class HighSecurityWalkthroughIT {
  private static final Logger log = LoggerFactory.getLogger(HighSecurityWalkthroughIT.class);
  private static final String V1 = "/druid/indexer/v1";

  @TempDir
  Path tmp;

  @Test
  void seedWalkthroughWithKerberosOnTheRestApisAndTheKafkaConnection() throws Exception {
    try (TestKdc kdc = new TestKdc(tmp.resolve("kerberos"))) {
      Path httpKeytab = kdc.keytab("http.keytab", "HTTP/localhost");
      Path kafkaKeytab = kdc.keytab("kafka.keytab", "kafka/localhost");
      Path druidKeytab = kdc.keytab("druid.keytab", "druid");
      int[] ports = freePorts(3);
      String sasl = "localhost:" + ports[2];
      String druidJaas = "com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true storeKey=true"
          + " refreshKrb5Config=true keyTab=\"" + druidKeytab + "\" principal=\"druid@" + TestKdc.REALM + "\";";

      Map<String, String> props = new HashMap<>();
      props.put("druid.host", "localhost");
      props.put("druid.auth.authenticatorChain", "[\"kerberos\"]");
      props.put("druid.auth.authenticator.kerberos.type", "kerberos");
      props.put("druid.auth.authenticator.kerberos.serverPrincipal", "HTTP/_HOST@" + TestKdc.REALM);
      props.put("druid.auth.authenticator.kerberos.serverKeytab", httpKeytab.toString());
      props.put("druid.auth.authenticator.kerberos.authToLocal", "DEFAULT");
      props.put("druid.auth.authenticator.kerberos.cookieSignatureSecret", "walkthrough-cookie-secret");
      props.put("druid.auth.authenticator.kerberos.authorizerName", "MyBasicMetadataAuthorizer");
      props.put("druid.auth.authorizers", "[\"MyBasicMetadataAuthorizer\"]");
      props.put("druid.auth.authorizer.MyBasicMetadataAuthorizer.type", "basic");
      props.put("druid.auth.authorizer.MyBasicMetadataAuthorizer.initialAdminUser", "druid");
      props.put("druid.historical.pollPeriod", "PT0.2S");
      try (TestCluster cluster = new TestCluster(tmp.resolve("cluster"), props, b -> b
          .port(ports[0]).controllerPort(ports[1])
          .brokerProperty("listeners", "PLAINTEXT://127.0.0.1:" + ports[0] + ",CONTROLLER://127.0.0.1:" + ports[1]
              + ",SASL_PLAINTEXT://127.0.0.1:" + ports[2])
          .brokerProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + ports[0] + ",SASL_PLAINTEXT://" + sasl)
          .brokerProperty("listener.security.protocol.map",
              "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT")
          .brokerProperty("sasl.enabled.mechanisms", "GSSAPI")
          .brokerProperty("sasl.kerberos.service.name", "kafka")
          .brokerProperty("listener.name.sasl_plaintext.gssapi.sasl.jaas.config",
              "com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true storeKey=true"
                  + " refreshKrb5Config=true keyTab=\"" + kafkaKeytab + "\" principal=\"kafka/localhost@"
                  + TestKdc.REALM + "\";"))) {
        String overlord = cluster.overlord().replace("127.0.0.1", "localhost");
        String broker = cluster.broker().replace("127.0.0.1", "localhost");
        TestKdc.Client druid = kdc.client("druid@" + TestKdc.REALM, druidKeytab);

        assertEquals(401, Http.get(overlord + V1 + "/supervisor").status(), "SPNEGO is required");
        cluster.createTopic("metrics", 1);
        String spec = cluster.seed("supervisor-spec.json").replace("\"bootstrap.servers\": \""
            + cluster.bootstrapServers() + "\"", "\"bootstrap.servers\": \"" + sasl + "\","
            + " \"security.protocol\": \"SASL_PLAINTEXT\", \"sasl.mechanism\": \"GSSAPI\","
            + " \"sasl.kerberos.service.name\": \"kafka\", \"sasl.jaas.config\": " + Http.JSON.writeValueAsString(druidJaas));
        Http.Response created = druid.send("POST", overlord + V1 + "/supervisor", spec);
        assertEquals(200, created.status(), created.body());
        assertEquals("{\"id\":\"metrics-kafka\"}", created.body());
        JsonNode shown = druid.send("GET", overlord + V1 + "/supervisor/metrics-kafka", null).json();
        assertEquals("<masked>", shown.get("ioConfig").get("consumerProperties").get("sasl.jaas.config").asText());

        // As in the seed: wait for the task, then produce (the supervisor starts at the latest offsets).
        Http.await(() -> call(druid, "GET", overlord + V1 + "/supervisor/metrics-kafka/status", null),
            r -> r.status() == 200 && r.body().contains("\"detailedState\":\"RUNNING\"")
                && compactJson(r).get("payload").get("activeTasks").size() == 1, Duration.ofSeconds(60));
        produceWithGssapi(sasl, druidJaas,
            Files.readAllLines(TestCluster.SEED.resolve("rows.json"), StandardCharsets.UTF_8));
        String query = Files.readString(TestCluster.SEED.resolve("search-query.json"), StandardCharsets.UTF_8);
        JsonNode expected = Http.JSON.readTree(TestCluster.SEED.resolve("search-result.json").toFile());
        Http.await(() -> call(druid, "POST", broker + "/druid/v2/?pretty", query),
            r -> r.status() == 200 && expected.toString().equals(compact(r.body())), Duration.ofSeconds(90));
        assertEquals(3, druid.send("GET", overlord + V1 + "/supervisor/metrics-kafka/status", null).json()
            .get("payload").get("activeTasks").get(0).get("currentOffsets").get("0").asLong(),
            "the task read all three rows over SASL/GSSAPI");

        if (curlCanNegotiate()) {
          walkWithCurl(kdc, druidKeytab, overlord, broker, query, expected);
        } else {
          log.warn("kinit or a SPNEGO-capable curl is not installed: the curl --negotiate part is skipped");
        }
      }
    }
  }

  /** The seed's high-security commands: kinit, then curl --negotiate -u:druid with a cookie jar. */
  private void walkWithCurl(TestKdc kdc, Path keytab, String overlord, String broker, String query,
      JsonNode expected) throws Exception {
    Map<String, String> env = Map.of("KRB5_CONFIG", kdc.krb5Conf().toString(),
        "KRB5CCNAME", "FILE:" + tmp.resolve("ccache"));
    assertEquals(0, run(env, "kinit", "-kt", keytab.toString(), "druid@" + TestKdc.REALM).exitCode);
    Path cookies = tmp.resolve("cookies.txt");
    Path queryFile = Files.writeString(tmp.resolve("query.json"), query);
    Proc list = run(env, "curl", "-s", "--negotiate", "-u:druid", "-b", cookies.toString(), "-c", cookies.toString(),
        overlord + V1 + "/supervisor");
    assertEquals("[\"metrics-kafka\"]", list.out, list.toString());
    assertTrue(Files.readString(cookies).contains("hadoop.auth"), "the session cookie was stored");
    Proc answer = run(env, "curl", "-s", "--negotiate", "-u:druid", "-b", cookies.toString(), "-c",
        cookies.toString(), "-X", "POST", "-H", "Content-Type: application/json", "-d", "@" + queryFile,
        broker + "/druid/v2/?pretty");
    assertEquals(expected, Http.JSON.readTree(answer.out), answer.toString());
    // The cookie alone authenticates; without ticket or cookie, 401.
    Proc withCookie = run(Map.of(), "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-b", cookies.toString(),
        overlord + V1 + "/supervisor");
    assertEquals("200", withCookie.out, withCookie.toString());
    Proc without = run(Map.of(), "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", overlord + V1 + "/supervisor");
    assertEquals("401", without.out);
  }

  private static boolean curlCanNegotiate() {
    try {
      Proc version = run(Map.of(), "curl", "-V");
      return version.exitCode == 0 && version.out.contains("SPNEGO") && run(Map.of(), "which", "kinit").exitCode == 0;
    } catch (Exception e) {
      return false;
    }
  }

  private record Proc(int exitCode, String out, String err) {
  }

  private static Proc run(Map<String, String> env, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    var out = p.getInputStream().readAllBytes();
    var err = p.getErrorStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), List.of(command).toString());
    return new Proc(p.exitValue(), new String(out, StandardCharsets.UTF_8).trim(), new String(err, StandardCharsets.UTF_8));
  }

  private static void produceWithGssapi(String bootstrap, String jaas, List<String> rows) throws Exception {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrap);
    config.put("security.protocol", "SASL_PLAINTEXT");
    config.put("sasl.mechanism", "GSSAPI");
    config.put("sasl.kerberos.service.name", "kafka");
    config.put("sasl.jaas.config", jaas);
    config.put("acks", "all");
    config.put("key.serializer", StringSerializer.class.getName());
    config.put("value.serializer", StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      for (String row : rows) {
        producer.send(new ProducerRecord<>("metrics", row)).get(60, TimeUnit.SECONDS);
      }
    }
  }

  private static Http.Response call(TestKdc.Client client, String method, String url, String body) {
    try {
      return client.send(method, url, body);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode compactJson(Http.Response r) {
    try {
      return r.json();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String compact(String json) {
    try {
      return Http.JSON.readTree(json).toString();
    } catch (Exception e) {
      return json;
    }
  }

  private static int[] freePorts(int n) throws Exception {
    int[] ports = FreePorts.of(n);
    assertFalse(ports[0] == ports[1]);
    return ports;
  }
}
