package io.kafkaindexing.core.security.basic;

import io.kafkaindexing.core.security.AuthenticationResult;
import io.kafkaindexing.core.security.Authenticator;
import io.kafkaindexing.core.security.password.PasswordProvider;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Druid's {@code basic} authenticator: HTTP Basic credentials checked against the users of this
 * authenticator in the metadata store ({@link BasicSecurityStore}). A request without a Basic
 * {@code Authorization} header passes to the next authenticator; wrong credentials are refused with
 * 401 unless {@code skipOnFailure}. At start the users {@code admin} and {@code druid_system} are
 * created with {@code initialAdminPassword} / {@code initialInternalClientPassword} when set and
 * missing. Users are cached and re-read after every change made through this process's API and at
 * least every {@code druid.auth.basic.common.pollingPeriod}. Thread-safe.
 */
public final class BasicAuthenticator implements Authenticator {
  private static final Logger log = LoggerFactory.getLogger(BasicAuthenticator.class);
  public static final String ADMIN = "admin";
  public static final String INTERNAL_CLIENT = "druid_system";

  private final String name;
  private final String authorizerName;
  private final boolean skipOnFailure;
  private final int iterations;
  private final PasswordProvider initialAdminPassword;
  private final PasswordProvider initialInternalClientPassword;
  private final long pollingPeriodMs;
  private final BasicSecurityStore store;
  private final PasswordHasher hasher;
  /** The users as last read, with the time of reading; replaced whole. */
  private volatile Snapshot users = new Snapshot(Map.of(), Long.MIN_VALUE);

  private record Snapshot(Map<String, Credentials> users, long loadedAtMs) {
  }

  BasicAuthenticator(String name, String authorizerName, boolean skipOnFailure, int iterations,
      PasswordProvider initialAdminPassword, PasswordProvider initialInternalClientPassword, long pollingPeriodMs,
      BasicSecurityStore store, PasswordHasher hasher) {
    this.name = name;
    this.authorizerName = authorizerName;
    this.skipOnFailure = skipOnFailure;
    this.iterations = iterations;
    this.initialAdminPassword = initialAdminPassword;
    this.initialInternalClientPassword = initialInternalClientPassword;
    this.pollingPeriodMs = pollingPeriodMs;
    this.store = store;
    this.hasher = hasher;
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
    return "Basic";
  }

  public int iterations() {
    return iterations;
  }

  /** Creates the tables and the initial users; called once at start-up. */
  void initialize() throws SQLException {
    store.createTables();
    createInitialUser(ADMIN, initialAdminPassword);
    createInitialUser(INTERNAL_CLIENT, initialInternalClientPassword);
    reload();
  }

  private void createInitialUser(String user, PasswordProvider password) throws SQLException {
    String value = password == null ? null : password.getPassword();
    if (value == null || value.isEmpty()) {
      return;
    }
    if (store.createAuthenticationUser(name, user)) {
      store.setCredentials(name, user, hasher.create(value.toCharArray(), iterations));
      log.info("Authenticator[{}] created initial user[{}]", name, user);
    }
  }

  /** Re-reads the users from the metadata store. */
  public void reload() throws SQLException {
    users = new Snapshot(Map.copyOf(store.authenticationUsers(name).entrySet().stream()
        .filter(e -> e.getValue() != null)
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))), System.currentTimeMillis());
  }

  private Map<String, Credentials> users() {
    Snapshot s = users;
    if (System.currentTimeMillis() - s.loadedAtMs() > pollingPeriodMs) {
      try {
        reload();
        s = users;
      } catch (SQLException e) {
        log.warn("Authenticator[{}] cannot re-read its users; using those read before: {}", name, e.getMessage());
      }
    }
    return s.users();
  }

  @Override
  public Outcome authenticate(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("basic ")) {
      return Outcome.pass();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Outcome.pass();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Outcome.pass();
    }
    String user = decoded.substring(0, colon);
    if (hasher.matches(decoded.substring(colon + 1).toCharArray(), users().get(user))) {
      return Outcome.authenticated(new AuthenticationResult(user, authorizerName, name));
    }
    return skipOnFailure ? Outcome.pass() : Outcome.reject("User[" + user + "] failed authentication");
  }
}
