package io.kafkaindexing.server;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import org.apache.kerby.kerberos.kerb.server.SimpleKdcServer;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;

/**
 * An in-process Kerberos KDC (Apache Kerby) for realm {@code EXAMPLE.COM} on a free TCP port, with
 * a {@code krb5.conf} the JVM (and MIT's tools) use, keytabs for principals, and a SPNEGO HTTP client
 * built on the JDK's GSS-API (what {@code curl --negotiate} does).
 */
final class TestKdc implements AutoCloseable {
  static final String REALM = "EXAMPLE.COM";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final SimpleKdcServer kdc;
  private final Path dir;
  private final Path krb5Conf;

  TestKdc(Path dir) throws Exception {
    this.dir = Files.createDirectories(dir);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    krb5Conf = dir.resolve("krb5.conf");
    Files.writeString(krb5Conf, "[libdefaults]\n default_realm = " + REALM + "\n udp_preference_limit = 1\n"
        + " dns_lookup_kdc = false\n dns_lookup_realm = false\n rdns = false\n dns_canonicalize_hostname = false\n"
        + "\n[realms]\n " + REALM + " = {\n  kdc = localhost:" + port + "\n }\n", StandardCharsets.UTF_8);
    System.setProperty("java.security.krb5.conf", krb5Conf.toString());
    kdc = new SimpleKdcServer();
    kdc.setWorkDir(Files.createDirectories(dir.resolve("kdc")).toFile());
    kdc.setKdcRealm(REALM);
    kdc.setKdcHost("localhost");
    kdc.setAllowTcp(true);
    kdc.setAllowUdp(false);
    kdc.setKdcTcpPort(port);
    kdc.init();
    kdc.start();
  }

  Path krb5Conf() {
    return krb5Conf;
  }

  /** Creates the principals (realm added) and writes their keys to one keytab. */
  Path keytab(String name, String... principals) throws Exception {
    File file = dir.resolve(name).toFile();
    kdc.createAndExportPrincipals(file, principals);
    return file.toPath();
  }

  /** A logged-in client principal from a keytab, able to make SPNEGO requests. */
  Client client(String principal, Path keytab) throws Exception {
    return new Client(principal, keytab);
  }

  @Override
  public void close() throws Exception {
    kdc.stop();
  }

  /** SPNEGO over HTTP as one principal; the service principal is {@code HTTP/<url host>}. */
  static final class Client {
    private final Subject subject;

    Client(String principal, Path keytab) throws Exception {
      Configuration jaas = new Configuration() {
        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String ignored) {
          return new AppConfigurationEntry[] {new AppConfigurationEntry(
              "com.sun.security.auth.module.Krb5LoginModule", AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
              Map.of("useKeyTab", "true", "keyTab", keytab.toString(), "principal", principal, "storeKey", "false",
                  "doNotPrompt", "true", "isInitiator", "true", "refreshKrb5Config", "true"))};
        }
      };
      LoginContext login = new LoginContext("client", new Subject(), null, jaas);
      login.login();
      subject = login.getSubject();
    }

    /** A request with {@code Authorization: Negotiate <token>} for the URL's host. */
    Http.Response send(String method, String url, String body) throws Exception {
      String host = URI.create(url).getHost();
      String token = Subject.doAs(subject, (PrivilegedExceptionAction<String>) () -> {
        GSSManager manager = GSSManager.getInstance();
        GSSContext context = manager.createContext(manager.createName("HTTP@" + host, GSSName.NT_HOSTBASED_SERVICE),
            new Oid("1.3.6.1.5.5.2"), null, GSSContext.DEFAULT_LIFETIME);
        try {
          return Base64.getEncoder().encodeToString(context.initSecContext(new byte[0], 0, 0));
        } finally {
          context.dispose();
        }
      });
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
          .header("Authorization", "Negotiate " + token).header("Content-Type", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Http.Response(r.statusCode(), r.body());
    }
  }
}
