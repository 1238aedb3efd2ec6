package io.kafkaindexing.core.security.kerberos;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.security.Authenticator;
import io.kafkaindexing.core.security.AuthenticatorFactory;
import io.kafkaindexing.core.security.SecurityModule;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Authenticator type {@code kerberos} (Druid's {@code druid-kerberos}), settings under
 * {@code druid.auth.authenticator.<name>.}: {@code serverPrincipal} (required;
 * {@code HTTP/_HOST@REALM}, {@code _HOST} becomes {@code druid.host}, else this machine's canonical
 * host name, in lower case), {@code serverKeytab} (required), {@code authToLocal} (default
 * {@code DEFAULT}, the realm of {@code serverPrincipal} being the default realm),
 * {@code cookieSignatureSecret} (default: random at each start, so cookies end with the process),
 * {@code authorizerName} (required) and {@code tokenValidityMs} (default 36000000, ten hours).
 */
public final class KerberosModule extends AbstractModule {
  public static final String TYPE = "kerberos";

  @Override
  protected void configure() {
    SecurityModule.addAuthenticatorType(binder(), TYPE, Factory.class);
  }

  static final class Factory implements AuthenticatorFactory {
    private final RuntimeProperties properties;

    @Inject
    Factory(RuntimeProperties properties) {
      this.properties = properties;
    }

    @Override
    public Authenticator create(String name, String prefix) {
      String principal = required(prefix + ".serverPrincipal");
      if (principal.contains("_HOST")) {
        principal = principal.replace("_HOST", host().toLowerCase(Locale.ROOT));
      }
      int at = principal.lastIndexOf('@');
      String realm = at < 0 ? null : principal.substring(at + 1);
      byte[] secret = properties.get(prefix + ".cookieSignatureSecret")
          .map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
          });
      long validityMs = Long.parseLong(properties.get(prefix + ".tokenValidityMs", "36000000"));
      return new KerberosAuthenticator(name, required(prefix + ".authorizerName"), principal,
          required(prefix + ".serverKeytab"), new AuthToLocal(properties.get(prefix + ".authToLocal", "DEFAULT"), realm),
          new SignedCookie(secret, validityMs));
    }

    private String required(String key) {
      return properties.get(key).orElseThrow(() -> new IllegalArgumentException("Property[" + key + "] is missing"));
    }

    private String host() {
      return properties.get("druid.host").orElseGet(() -> {
        try {
          return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
          return "localhost";
        }
      });
    }
  }
}
