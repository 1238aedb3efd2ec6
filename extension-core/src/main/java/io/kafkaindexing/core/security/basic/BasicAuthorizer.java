package io.kafkaindexing.core.security.basic;

import io.kafkaindexing.core.security.Access;
import io.kafkaindexing.core.security.Action;
import io.kafkaindexing.core.security.AuthenticationResult;
import io.kafkaindexing.core.security.Authorizer;
import io.kafkaindexing.core.security.Resource;
import io.kafkaindexing.core.security.ResourceAction;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Druid's {@code basic} role-based authorizer: a user may do what any of its roles permits; a
 * permission is a resource type, an action and a regular expression that must match the whole
 * resource name. At first start (no users and no roles yet) it creates role {@code admin}
 * ({@code initialAdminRole}) with every action on every resource ({@code .*}) and gives it to
 * {@code admin} ({@code initialAdminUser}) and {@code druid_system}. Roles are cached like the
 * authenticator's users. Thread-safe.
 */
public final class BasicAuthorizer implements Authorizer {
  private static final Logger log = LoggerFactory.getLogger(BasicAuthorizer.class);
  /** The resource types the initial admin role covers (Druid's full list). */
  static final List<String> ALL_TYPES =
      List.of("DATASOURCE", "VIEW", "CONFIG", "STATE", "SYSTEM_TABLE", "EXTERNAL", "QUERY_CONTEXT");

  private final String name;
  private final String initialAdminUser;
  private final String initialAdminRole;
  private final long pollingPeriodMs;
  private final BasicSecurityStore store;
  private volatile State state = new State(Map.of(), Map.of(), Long.MIN_VALUE);

  /** A permission with its compiled name pattern. */
  record Permission(ResourceAction resourceAction, Pattern pattern) {
  }

  private record State(Map<String, Set<String>> userRoles, Map<String, List<Permission>> rolePermissions,
      long loadedAtMs) {
  }

  BasicAuthorizer(String name, String initialAdminUser, String initialAdminRole, long pollingPeriodMs,
      BasicSecurityStore store) {
    this.name = name;
    this.initialAdminUser = initialAdminUser == null ? BasicAuthenticator.ADMIN : initialAdminUser;
    this.initialAdminRole = initialAdminRole == null ? "admin" : initialAdminRole;
    this.pollingPeriodMs = pollingPeriodMs;
    this.store = store;
  }

  public String name() {
    return name;
  }

  /** Creates the tables and, at first start, the admin role and users. */
  void initialize() throws SQLException {
    store.createTables();
    if (store.authorizationUsers(name).isEmpty() && store.roles(name).isEmpty()) {
      List<ResourceAction> all = new ArrayList<>();
      for (String type : ALL_TYPES) {
        for (Action action : Action.values()) {
          all.add(new ResourceAction(new Resource(".*", type), action));
        }
      }
      store.createRole(name, initialAdminRole, all);
      for (String user : new java.util.LinkedHashSet<>(List.of(initialAdminUser, BasicAuthenticator.INTERNAL_CLIENT))) {
        store.createAuthorizationUser(name, user);
        store.assignRole(name, user, initialAdminRole);
      }
      log.info("Authorizer[{}] created role[{}] for users[{}, {}]", name, initialAdminRole, initialAdminUser,
          BasicAuthenticator.INTERNAL_CLIENT);
    }
    reload();
  }

  /** Re-reads users and roles from the metadata store. */
  public void reload() throws SQLException {
    Map<String, List<Permission>> permissions = new LinkedHashMap<>();
    store.roles(name).forEach((role, actions) -> {
      List<Permission> compiled = new ArrayList<>();
      for (ResourceAction ra : actions) {
        try {
          compiled.add(new Permission(ra, Pattern.compile(ra.resource().name())));
        } catch (PatternSyntaxException e) {
          log.warn("Authorizer[{}] ignores a permission of role[{}]: bad pattern[{}]", name, role, ra.resource().name());
        }
      }
      permissions.put(role, List.copyOf(compiled));
    });
    state = new State(Map.copyOf(store.authorizationUsers(name)), Map.copyOf(permissions), System.currentTimeMillis());
  }

  private State state() {
    State s = state;
    if (System.currentTimeMillis() - s.loadedAtMs() > pollingPeriodMs) {
      try {
        reload();
        s = state;
      } catch (SQLException e) {
        log.warn("Authorizer[{}] cannot re-read its roles; using those read before: {}", name, e.getMessage());
      }
    }
    return s;
  }

  @Override
  public Access authorize(AuthenticationResult who, Resource resource, Action action) {
    State s = state();
    Set<String> roles = s.userRoles().get(who.identity());
    if (roles == null) {
      return Access.DENIED;
    }
    for (String role : roles) {
      for (Permission p : s.rolePermissions().getOrDefault(role, List.of())) {
        if (p.resourceAction().action() == action && p.resourceAction().resource().type().equals(resource.type())
            && p.pattern().matcher(resource.name()).matches()) {
          return Access.OK;
        }
      }
    }
    return Access.DENIED;
  }
}
