package io.kafkaindexing.core.security.kerberos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.guice.Initialization;
import io.kafkaindexing.core.guice.NodeRole;
import io.kafkaindexing.core.lifecycle.Lifecycle;
import io.kafkaindexing.core.server.HttpServer;
import io.kafkaindexing.core.server.TestResources;
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
import java.util.HashMap;
import java.util.List;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPNEGO against an in-process KDC (Apache Kerby): the JDK's GSS-API client gets a service ticket
 * for {@code HTTP/localhost}, the server accepts it, maps the principal with authToLocal, answers
 * the mutual-authentication token and a signed cookie that alone authenticates later requests;
 * requests without Negotiate fall through to the basic authenticator; bad tokens and forged
 * cookies get 401; an authenticated principal without a role gets 403.
 */
class KerberosIT {
  private static final String REALM = "EXAMPLE.COM";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @TempDir
  static Path dir;

  private static SimpleKdcServer kdc;
  private static Lifecycle lifecycle;
  private static String overlord;
  private static File clientKeytab;

  @BeforeAll
  static void start() throws Exception {
    int kdcPort;
    try (ServerSocket s = new ServerSocket(0)) {
      kdcPort = s.getLocalPort();
    }
    Path krb5 = dir.resolve("krb5.conf");
    Files.writeString(krb5, "[libdefaults]\n default_realm = " + REALM + "\n udp_preference_limit = 1\n"
        + " dns_lookup_kdc = false\n dns_lookup_realm = false\n rdns = false\n\n[realms]\n " + REALM
        + " = {\n  kdc = localhost:" + kdcPort + "\n }\n", StandardCharsets.UTF_8);
    System.setProperty("java.security.krb5.conf", krb5.toString());
    Path kdcDir = Files.createDirectories(dir.resolve("kdc"));
    kdc = new SimpleKdcServer();
    kdc.setWorkDir(kdcDir.toFile());
    kdc.setKdcRealm(REALM);
    kdc.setKdcHost("localhost");
    kdc.setAllowTcp(true);
    kdc.setAllowUdp(false);
    kdc.setKdcTcpPort(kdcPort);
    kdc.init();
    kdc.start();
    File serverKeytab = dir.resolve("http.keytab").toFile();
    clientKeytab = dir.resolve("clients.keytab").toFile();
    kdc.createAndExportPrincipals(serverKeytab, "HTTP/localhost");
    kdc.createAndExportPrincipals(clientKeytab, "druid", "alice");

    Map<String, String> p = new HashMap<>();
    p.put("druid.host", "localhost");
    p.put("druid.auth.authenticatorChain", "[\"kerberos\", \"basicn\"]");
    p.put("druid.auth.authenticator.kerberos.type", "kerberos");
    p.put("druid.auth.authenticator.kerberos.serverPrincipal", "HTTP/_HOST@" + REALM);
    p.put("druid.auth.authenticator.kerberos.serverKeytab", serverKeytab.toString());
    p.put("druid.auth.authenticator.kerberos.authToLocal", "RULE:[1:$1@$0](alice@EXAMPLE\\.COM)s/@.*// DEFAULT");
    p.put("druid.auth.authenticator.kerberos.cookieSignatureSecret", "cookie-secret");
    p.put("druid.auth.authenticator.kerberos.authorizerName", "basicz");
    p.put("druid.auth.authenticator.basicn.type", "basic");
    p.put("druid.auth.authenticator.basicn.initialAdminPassword", "adminpw");
    p.put("druid.auth.authenticator.basicn.authorizerName", "basicz");
    p.put("druid.auth.authorizers", "[\"basicz\"]");
    p.put("druid.auth.authorizer.basicz.type", "basic");
    p.put("druid.auth.authorizer.basicz.initialAdminUser", "druid");
    p.put("druid.server.overlordPort", "0");
    p.put("druid.server.brokerPort", "0");
    p.put("druid.metadata.storage.connector.connectURI", "jdbc:derby:memory:kerberos-it;create=true");
    p.put("druid.extensions.directory", Files.createDirectories(dir.resolve("extensions")).toString());
    var injector = Initialization.makeInjector(new RuntimeProperties(p), List.of(new TestResources()));
    lifecycle = injector.getInstance(Lifecycle.class);
    lifecycle.start();
    overlord = "http://localhost:" + injector.getInstance(HttpServer.class).port(NodeRole.OVERLORD);
  }

  @AfterAll
  static void stop() throws Exception {
    if (lifecycle != null) {
      lifecycle.stop();
    }
    if (kdc != null) {
      kdc.stop();
    }
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(overlord + path)).timeout(Duration.ofSeconds(30)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The client side of SPNEGO, as {@code curl --negotiate} does it, with the JDK's GSS-API. */
  private static final class SpnegoClient {
    private final Subject subject;
    private GSSContext context;

    SpnegoClient(String user) throws Exception {
      Configuration jaas = new Configuration() {
        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String ignored) {
          return new AppConfigurationEntry[] {new AppConfigurationEntry(
              "com.sun.security.auth.module.Krb5LoginModule", AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
              Map.of("useKeyTab", "true", "keyTab", clientKeytab.toString(), "principal", user + "@" + REALM,
                  "storeKey", "false", "doNotPrompt", "true", "isInitiator", "true", "refreshKrb5Config", "true"))};
        }
      };
      LoginContext login = new LoginContext("client", new Subject(), null, jaas);
      login.login();
      subject = login.getSubject();
    }

    String firstToken() throws Exception {
      return Subject.doAs(subject, (PrivilegedExceptionAction<String>) () -> {
        GSSManager manager = GSSManager.getInstance();
        context = manager.createContext(manager.createName("HTTP@localhost", GSSName.NT_HOSTBASED_SERVICE),
            new Oid("1.3.6.1.5.5.2"), null, GSSContext.DEFAULT_LIFETIME);
        context.requestMutualAuth(true);
        return Base64.getEncoder().encodeToString(context.initSecContext(new byte[0], 0, 0));
      });
    }

    /** Checks the server's final token: mutual authentication. */
    boolean serverProven(String reply) throws Exception {
      byte[] token = Base64.getDecoder().decode(reply);
      return Subject.doAs(subject, (PrivilegedExceptionAction<Boolean>) () -> {
        context.initSecContext(token, 0, token.length);
        return context.isEstablished();
      });
    }
  }

  @Test
  void spnegoAuthenticatesAndTheCookieKeepsTheSession() throws Exception {
    HttpResponse<String> none = get("/status");
    assertEquals(401, none.statusCode());
    assertEquals(List.of("Negotiate", "Basic"), none.headers().allValues("WWW-Authenticate"));

    SpnegoClient druid = new SpnegoClient("druid");
    HttpResponse<String> ok = get("/status", "Authorization", "Negotiate " + druid.firstToken());
    assertEquals(200, ok.statusCode(), ok.body());
    String reply = ok.headers().firstValue("WWW-Authenticate").orElseThrow();
    assertTrue(reply.startsWith("Negotiate "), reply);
    assertTrue(druid.serverProven(reply.substring("Negotiate ".length())), "mutual authentication");
    String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(setCookie.startsWith("hadoop.auth=u=druid&p=druid@EXAMPLE.COM&t=kerberos&e="), setCookie);
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));

    assertEquals(200, get("/status", "Cookie", cookie).statusCode(), "the cookie alone authenticates");
    String forged = cookie.replace("u=druid", "u=alice");
    assertEquals(401, get("/status", "Cookie", forged).statusCode(), "a cookie with a changed identity is refused");

    SpnegoClient alice = new SpnegoClient("alice");
    HttpResponse<String> aliceReply = get("/status", "Authorization", "Negotiate " + alice.firstToken());
    assertEquals(403, aliceReply.statusCode(), "authenticated as alice (authToLocal rule), who has no role");

    assertEquals(401, get("/status", "Authorization", "Negotiate " + Base64.getEncoder().encodeToString(
        "not a token".getBytes(StandardCharsets.UTF_8))).statusCode());
    // Without a Negotiate header the basic authenticator decides: admin is authenticated (403, as the
    // initial admin role went to druid here), a wrong password is refused (401).
    assertEquals(403, get("/status", "Authorization", "Basic " + Base64.getEncoder().encodeToString(
        "admin:adminpw".getBytes(StandardCharsets.UTF_8))).statusCode(), "no Negotiate header: the next authenticator");
    assertEquals(401, get("/status", "Authorization", "Basic " + Base64.getEncoder().encodeToString(
        "admin:wrong".getBytes(StandardCharsets.UTF_8))).statusCode());
    assertEquals(200, get("/status/health").statusCode());
  }
}
