package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** PKCS12 key and trust stores for TLS tests, made with the JDK's keytool. */
final class TlsStores {
  private TlsStores() {}

  /** A PKCS12 key store with a new self-signed key pair for localhost. */
  static Path keyPair(Path dir, String alias, String password) throws Exception {
    Path store = dir.resolve(alias + ".p12");
    keytool("-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", password, "-keypass", password);
    return store;
  }

  /** A PKCS12 trust store holding the certificate of {@code alias} from {@code keyStore}. */
  static Path trust(Path dir, String alias, Path keyStore, String name, String password) throws Exception {
    Path cert = dir.resolve(alias + ".crt");
    keytool("-exportcert", "-alias", alias, "-keystore", keyStore.toString(), "-storepass", password,
        "-file", cert.toString());
    Path store = dir.resolve(name);
    keytool("-importcert", "-noprompt", "-alias", alias, "-file", cert.toString(), "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", password);
    return store;
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
