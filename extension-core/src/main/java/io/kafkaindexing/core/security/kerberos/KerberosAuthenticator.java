package io.kafkaindexing.core.security.kerberos;

import io.kafkaindexing.core.security.AuthenticationResult;
import io.kafkaindexing.core.security.Authenticator;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.security.PrivilegedExceptionAction;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Druid's {@code kerberos} authenticator: SPNEGO (RFC 4559) with the JDK's GSS-API. A request with
 * {@code Authorization: Negotiate <token>} is accepted with the keys of {@code serverPrincipal} from
 * {@code serverKeytab}; the client principal becomes the identity through the {@code authToLocal}
 * rules; the answer carries the final {@code WWW-Authenticate: Negotiate} token and a signed
 * {@code hadoop.auth} cookie ({@code cookieSignatureSecret}) that authenticates later requests
 * without a handshake ({@code curl --negotiate -u: -b cookies -c cookies}). A request with neither
 * falls through to the next authenticator; a bad token is refused with 401. Thread-safe.
 */
public final class KerberosAuthenticator implements Authenticator {
  private static final Logger log = LoggerFactory.getLogger(KerberosAuthenticator.class);
  private static final Oid SPNEGO = oid("1.3.6.1.5.5.2");
  private static final Oid KRB5 = oid("1.2.840.113554.1.2.2");
  private static final Oid KRB5_PRINCIPAL = oid("1.2.840.113554.1.2.2.1");

  private final String name;
  private final String authorizerName;
  private final String serverPrincipal;
  private final Subject serverSubject;
  private final AuthToLocal authToLocal;
  private final SignedCookie cookie;

  KerberosAuthenticator(String name, String authorizerName, String serverPrincipal, String serverKeytab,
      AuthToLocal authToLocal, SignedCookie cookie) {
    this.name = name;
    this.authorizerName = authorizerName;
    this.serverPrincipal = serverPrincipal;
    this.authToLocal = authToLocal;
    this.cookie = cookie;
    this.serverSubject = login(serverPrincipal, serverKeytab);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String authorizerName() {
    return authorizerName;
  }

  @Override
  public String challenge() {
    return "Negotiate";
  }

  @Override
  public Outcome authenticate(HttpServletRequest request) {
    Map<String, String> session = cookie.verify(cookieValue(request), System.currentTimeMillis());
    if (session != null) {
      return Outcome.authenticated(new AuthenticationResult(session.get("u"), authorizerName, name));
    }
    String header = request.getHeader("Authorization");
    if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("negotiate ")) {
      return Outcome.pass();
    }
    byte[] token;
    try {
      token = Base64.getDecoder().decode(header.substring("negotiate ".length()).trim());
    } catch (IllegalArgumentException e) {
      return Outcome.reject("Negotiate token is not Base64");
    }
    try {
      Accepted accepted = Subject.doAs(serverSubject, (PrivilegedExceptionAction<Accepted>) () -> accept(token));
      if (accepted.client == null) {
        Outcome more = Outcome.reject("SPNEGO needs another round");
        return accepted.reply == null ? more : more.withHeader("WWW-Authenticate", "Negotiate " + accepted.reply);
      }
      String identity = authToLocal.map(accepted.client);
      if (identity == null) {
        return Outcome.reject("No authToLocal rule applies to principal[" + accepted.client + "]");
      }
      long now = System.currentTimeMillis();
      Outcome outcome = Outcome.authenticated(new AuthenticationResult(identity, authorizerName, name))
          .withHeader("Set-Cookie", SignedCookie.NAME + "=" + cookie.issue(identity, accepted.client, now)
              + "; Path=/; HttpOnly");
      return accepted.reply == null ? outcome : outcome.withHeader("WWW-Authenticate", "Negotiate " + accepted.reply);
    } catch (java.security.PrivilegedActionException e) {
      return Outcome.reject("SPNEGO handshake failed: " + e.getException().getMessage());
    }
  }

  private record Accepted(String client, String reply) {
  }

  private Accepted accept(byte[] token) throws GSSException {
    GSSManager manager = GSSManager.getInstance();
    GSSCredential credential = manager.createCredential(manager.createName(serverPrincipal, KRB5_PRINCIPAL),
        GSSCredential.INDEFINITE_LIFETIME, new Oid[] {SPNEGO, KRB5}, GSSCredential.ACCEPT_ONLY);
    GSSContext context = manager.createContext(credential);
    try {
      byte[] reply = context.acceptSecContext(token, 0, token.length);
      String encoded = reply == null || reply.length == 0 ? null : Base64.getEncoder().encodeToString(reply);
      if (!context.isEstablished()) {
        return new Accepted(null, encoded);
      }
      GSSName client = context.getSrcName();
      return new Accepted(client.toString(), encoded);
    } finally {
      context.dispose();
      credential.dispose();
    }
  }

  private static String cookieValue(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie c : cookies) {
        if (SignedCookie.NAME.equals(c.getName())) {
          return c.getValue();
        }
      }
    }
    return null;
  }

  /** Loads the server's keys from the keytab (no KDC round trip: an acceptor needs none). */
  private static Subject login(String principal, String keytab) {
    Configuration jaas = new Configuration() {
      @Override
      public AppConfigurationEntry[] getAppConfigurationEntry(String ignored) {
        return new AppConfigurationEntry[] {new AppConfigurationEntry("com.sun.security.auth.module.Krb5LoginModule",
            AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of("useKeyTab", "true", "keyTab", keytab,
            "principal", principal, "storeKey", "true", "isInitiator", "false", "doNotPrompt", "true",
            "refreshKrb5Config", "true"))};
      }
    };
    try {
      LoginContext context = new LoginContext("druid-kerberos-server", new Subject(), null, jaas);
      context.login();
      log.info("Kerberos authenticator logged in as [{}] from keytab[{}]", principal, keytab);
      return context.getSubject();
    } catch (LoginException e) {
      throw new IllegalArgumentException("Cannot log in as serverPrincipal[" + principal + "] with serverKeytab["
          + keytab + "]: " + e.getMessage(), e);
    }
  }

  private static Oid oid(String id) {
    try {
      return new Oid(id);
    } catch (GSSException e) {
      throw new IllegalStateException(e);
    }
  }
}
