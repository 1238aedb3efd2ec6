package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed walkthrough over HTTPS only ({@code druid.enablePlaintextPort=false},
 * {@code druid.enableTlsPort=true}): a supervisor is submitted to the Overlord's TLS port, the seed
 * query on the Broker's TLS port answers the seed's expected result; plain HTTP to those ports fails.
 */
class TlsRestIT {
  private static final String PASSWORD = "rest-tls-store-pw";

  @TempDir
  Path tmp;

  @Test
  void seedWalkthroughOverHttps() throws Exception {
    Path tls = Files.createDirectories(tmp.resolve("tls"));
    Path serverStore = TlsStores.keyPair(tls, "server", PASSWORD);
    Path trust = TlsStores.trust(tls, "server", serverStore, "trust.p12", PASSWORD);
    HttpClient client = client(trust);
    Map<String, String> https = Map.of(
        "druid.historical.pollPeriod", "PT0.2S",
        "druid.enablePlaintextPort", "false",
        "druid.enableTlsPort", "true",
        "druid.server.overlordTlsPort", "0",
        "druid.server.brokerTlsPort", "0",
        "druid.server.https.keyStorePath", serverStore.toString(),
        "druid.server.https.keyStoreType", "PKCS12",
        "druid.server.https.keyStorePassword", PASSWORD);
    try (TestCluster cluster = new TestCluster(tmp.resolve("cluster"), https)) {
      assertTrue(cluster.overlord().startsWith("https://"), cluster.overlord());
      cluster.createTopic("metrics", 1);
      String spec = cluster.seed("supervisor-spec.json").replace("\"taskDuration\": \"PT1H\"",
          "\"taskDuration\": \"PT1H\", \"useEarliestOffset\": true, \"startDelay\": \"PT0S\", \"period\": \"PT1S\"");
      HttpResponse<String> posted = post(client, cluster.overlord() + "/druid/indexer/v1/supervisor", spec);
      assertEquals(200, posted.statusCode(), posted.body());
      assertEquals("{\"id\":\"metrics-kafka\"}", posted.body());
      cluster.produce("metrics", Files.readAllLines(TestCluster.SEED.resolve("rows.json"), StandardCharsets.UTF_8),
          null);

      String query = Files.readString(TestCluster.SEED.resolve("search-query.json"), StandardCharsets.UTF_8);
      JsonNode expected = Http.JSON.readTree(TestCluster.SEED.resolve("search-result.json").toFile());
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      HttpResponse<String> answer = post(client, cluster.broker() + "/druid/v2", query);
      while (!(answer.statusCode() == 200 && expected.equals(Http.JSON.readTree(answer.body())))) {
        assertTrue(System.nanoTime() < deadline, "no expected answer over HTTPS; last: " + answer.body());
        Thread.sleep(200);
        answer = post(client, cluster.broker() + "/druid/v2", query);
      }

      String plain = cluster.broker().replace("https://", "http://") + "/status/health";
      assertThrows(IOException.class, () -> Http.get(plain), "plain HTTP to a TLS port fails");
    }
  }

  private static HttpClient client(Path trustStore) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(trustStore)) {
      trust.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
  }

  private static HttpResponse<String> post(HttpClient client, String url, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
