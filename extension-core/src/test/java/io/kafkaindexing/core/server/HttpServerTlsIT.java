package io.kafkaindexing.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.guice.Initialization;
import io.kafkaindexing.core.guice.NodeRole;
import io.kafkaindexing.core.lifecycle.Lifecycle;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS ports ({@code druid.enableTlsPort}, {@code druid.server.https.*}) with a real key store made
 * by keytool and the JDK's HTTPS client: each role answers on its own TLS port with the configured
 * certificate (a client that does not trust it fails the handshake), plain HTTP to a TLS port fails,
 * {@code druid.enablePlaintextPort=false} turns the plain ports off, missing settings stop start-up
 * naming the property. The TLS-only server reads its key store password from an environment
 * variable (set by the build) through a password provider.
 */
class HttpServerTlsIT {
  private static final String PASSWORD = "tls-store-pw";

  @TempDir
  Path tmp;

  @Test
  void tlsOnlyServesEachRoleOverHttps() throws Exception {
    Path trust = stores();
    Lifecycle lifecycle = null;
    try {
      Injector injector = injector(Map.of("druid.enablePlaintextPort", "false", "druid.server.https.keyStorePassword",
          "{\"type\": \"environment\", \"variable\": \"KIS_TEST_SERVER_KEYSTORE_PASSWORD\"}"));
      lifecycle = injector.getInstance(Lifecycle.class);
      lifecycle.start();
      HttpServer server = injector.getInstance(HttpServer.class);
      String overlord = "https://127.0.0.1:" + server.tlsPort(NodeRole.OVERLORD);
      String broker = "https://127.0.0.1:" + server.tlsPort(NodeRole.BROKER);
      assertNotEquals(overlord, broker);
      HttpClient client = client(trust);
      assertEquals("true", get(client, overlord + "/status/health").body());
      HttpResponse<String> hello = get(client, overlord + "/test/overlord/hello");
      assertEquals(200, hello.statusCode(), hello.body());
      assertEquals(200, get(client, broker + "/test/broker/hello").statusCode());
      assertEquals(404, get(client, broker + "/test/overlord/hello").statusCode(), "each TLS port serves its role");

      HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      assertThrows(SSLHandshakeException.class, () -> get(untrusting, overlord + "/status/health"),
          "the configured self-signed certificate is served");
      assertThrows(IOException.class, () -> get(untrusting, overlord.replace("https:", "http:") + "/status/health"),
          "plain HTTP to a TLS port fails");
      IllegalStateException off = assertThrows(IllegalStateException.class, () -> server.port(NodeRole.OVERLORD));
      assertTrue(off.getMessage().contains("druid.enablePlaintextPort"), off.getMessage());
    } finally {
      if (lifecycle != null) {
        lifecycle.stop();
      }
    }
  }

  @Test
  void plaintextAndTlsTogether() throws Exception {
    Path trust = stores();
    Injector injector = injector(Map.of());
    Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
    lifecycle.start();
    try {
      HttpServer server = injector.getInstance(HttpServer.class);
      HttpClient client = client(trust);
      assertEquals(200, get(client, "http://127.0.0.1:" + server.port(NodeRole.BROKER) + "/test/broker/hello")
          .statusCode());
      assertEquals(200, get(client, "https://127.0.0.1:" + server.tlsPort(NodeRole.BROKER) + "/test/broker/hello")
          .statusCode());
    } finally {
      lifecycle.stop();
    }
  }

  @Test
  void missingSettingsStopStartUpNamingTheProperty() throws Exception {
    stores();
    Map<String, String> noStore = new HashMap<>(Map.of("druid.server.https.keyStorePath", ""));
    Exception e = assertThrows(Exception.class, () -> injector(noStore).getInstance(Lifecycle.class).start());
    assertTrue(messages(e).contains("druid.server.https.keyStorePath"), messages(e));

    Map<String, String> none = Map.of("druid.enablePlaintextPort", "false", "druid.enableTlsPort", "false");
    Exception both = assertThrows(Exception.class, () -> injector(none).getInstance(Lifecycle.class).start());
    assertTrue(messages(both).contains("druid.enablePlaintextPort"), messages(both));
  }

  private Injector injector(Map<String, String> extra) throws IOException {
    Map<String, String> props = new HashMap<>(Map.of(
        "druid.server.overlordPort", "0",
        "druid.server.brokerPort", "0",
        "druid.server.overlordTlsPort", "0",
        "druid.server.brokerTlsPort", "0",
        "druid.enableTlsPort", "true",
        "druid.server.https.keyStorePath", tmp.resolve("server.p12").toString(),
        "druid.server.https.keyStoreType", "PKCS12",
        "druid.server.https.keyStorePassword", PASSWORD,
        "druid.server.https.certAlias", "server"));
    props.put("druid.metadata.storage.connector.connectURI", "jdbc:derby:memory:tls-it-" + UUID.randomUUID()
        + ";create=true");
    props.put("druid.extensions.directory", Files.createDirectories(tmp.resolve("extensions")).toString());
    props.putAll(extra);
    return Initialization.makeInjector(new RuntimeProperties(props), List.of(new TestResources()));
  }

  /** The server's key store and a trust store holding its certificate; returns the trust store. */
  private Path stores() throws Exception {
    Path store = tmp.resolve("server.p12");
    if (!Files.exists(store)) {
      keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
          "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
          "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
      keytool("-exportcert", "-alias", "server", "-keystore", store.toString(), "-storepass", PASSWORD,
          "-file", tmp.resolve("server.crt").toString());
      keytool("-importcert", "-noprompt", "-alias", "server", "-file", tmp.resolve("server.crt").toString(),
          "-storetype", "PKCS12", "-keystore", tmp.resolve("trust.p12").toString(), "-storepass", PASSWORD);
    }
    return tmp.resolve("trust.p12");
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

  private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String messages(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      sb.append(t).append(" | ");
    }
    return sb.toString();
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
  }
}
