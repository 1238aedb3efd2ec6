package io.kafkaindexing.core.security.basic;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import io.kafkaindexing.core.metadata.MetadataStorageConnector;
import io.kafkaindexing.core.security.ResourceAction;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The basic-security users, credentials, roles and permissions in the metadata store, one row each
 * (Derby, PostgreSQL and MySQL/MariaDB alike), scoped by authenticator or authorizer name:
 * <pre>
 * druid_basic_users      (authenticator, name, salt, hash, iterations)   credentials null until set
 * druid_basic_authz_users(authorizer, name)
 * druid_basic_roles      (authorizer, name, permissions)                 permissions: JSON list of resource actions
 * druid_basic_user_roles (authorizer, user_name, role_name)
 * </pre>
 * Writes answer false when the row to create exists or the row to change does not. Thread-safe
 * (each call is one transaction).
 */
@Singleton
public final class BasicSecurityStore {
  private static final TypeReference<List<ResourceAction>> PERMISSIONS = new TypeReference<>() { };

  private final MetadataStorageConnector connector;
  private final ObjectMapper mapper;
  private final String users;
  private final String authzUsers;
  private final String roles;
  private final String userRoles;

  @Inject
  public BasicSecurityStore(MetadataStorageConnector connector, ObjectMapper mapper) {
    this.connector = connector;
    this.mapper = mapper;
    this.users = connector.table("basic_users");
    this.authzUsers = connector.table("basic_authz_users");
    this.roles = connector.table("basic_roles");
    this.userRoles = connector.table("basic_user_roles");
  }

  public void createTables() throws SQLException {
    String payload = connector.dialect().payloadType();
    connector.createTableIfMissing(users, List.of("CREATE TABLE " + users + " (authenticator VARCHAR(255) NOT NULL,"
        + " name VARCHAR(255) NOT NULL, salt " + payload + ", hash " + payload + ", iterations INTEGER,"
        + " PRIMARY KEY (authenticator, name))"));
    connector.createTableIfMissing(authzUsers, List.of("CREATE TABLE " + authzUsers + " (authorizer VARCHAR(255)"
        + " NOT NULL, name VARCHAR(255) NOT NULL, PRIMARY KEY (authorizer, name))"));
    connector.createTableIfMissing(roles, List.of("CREATE TABLE " + roles + " (authorizer VARCHAR(255) NOT NULL,"
        + " name VARCHAR(255) NOT NULL, permissions " + payload + " NOT NULL, PRIMARY KEY (authorizer, name))"));
    connector.createTableIfMissing(userRoles, List.of("CREATE TABLE " + userRoles + " (authorizer VARCHAR(255)"
        + " NOT NULL, user_name VARCHAR(255) NOT NULL, role_name VARCHAR(255) NOT NULL,"
        + " PRIMARY KEY (authorizer, user_name, role_name))"));
  }

  // ---- authentication users ----

  /** The users of an authenticator by name, sorted; a user without credentials maps to null. */
  public Map<String, Credentials> authenticationUsers(String authenticator) throws SQLException {
    return connector.inTransaction(c -> {
      Map<String, Credentials> out = new TreeMap<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT name, salt, hash, iterations FROM " + users + " WHERE authenticator = ?")) {
        ps.setString(1, authenticator);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            byte[] salt = rs.getBytes(2);
            out.put(rs.getString(1), salt == null ? null : new Credentials(salt, rs.getBytes(3), rs.getInt(4)));
          }
        }
      }
      return out;
    });
  }

  public boolean createAuthenticationUser(String authenticator, String name) throws SQLException {
    return connector.inTransaction(c -> !exists(c, users, "authenticator", authenticator, "name", name)
        && update(c, "INSERT INTO " + users + " (authenticator, name) VALUES (?, ?)", authenticator, name) == 1);
  }

  public boolean deleteAuthenticationUser(String authenticator, String name) throws SQLException {
    return connector.inTransaction(c ->
        update(c, "DELETE FROM " + users + " WHERE authenticator = ? AND name = ?", authenticator, name) == 1);
  }

  public boolean setCredentials(String authenticator, String name, Credentials credentials) throws SQLException {
    return connector.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + users
          + " SET salt = ?, hash = ?, iterations = ? WHERE authenticator = ? AND name = ?")) {
        ps.setBytes(1, credentials.salt());
        ps.setBytes(2, credentials.hash());
        ps.setInt(3, credentials.iterations());
        ps.setString(4, authenticator);
        ps.setString(5, name);
        return ps.executeUpdate() == 1;
      }
    });
  }

  // ---- authorization users and roles ----

  /** The users of an authorizer with their role names, sorted. */
  public Map<String, Set<String>> authorizationUsers(String authorizer) throws SQLException {
    return connector.inTransaction(c -> {
      Map<String, Set<String>> out = new TreeMap<>();
      for (String name : names(c, "SELECT name FROM " + authzUsers + " WHERE authorizer = ?", authorizer)) {
        out.put(name, new LinkedHashSet<>());
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT user_name, role_name FROM " + userRoles
          + " WHERE authorizer = ? ORDER BY role_name")) {
        ps.setString(1, authorizer);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Set<String> roleNames = out.get(rs.getString(1));
            if (roleNames != null) {
              roleNames.add(rs.getString(2));
            }
          }
        }
      }
      return out;
    });
  }

  /** The roles of an authorizer with their permissions, sorted by name. */
  public Map<String, List<ResourceAction>> roles(String authorizer) throws SQLException {
    return connector.inTransaction(c -> {
      Map<String, List<ResourceAction>> out = new TreeMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT name, permissions FROM " + roles
          + " WHERE authorizer = ?")) {
        ps.setString(1, authorizer);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), readPermissions(rs.getBytes(2)));
          }
        }
      }
      return out;
    });
  }

  public boolean createAuthorizationUser(String authorizer, String name) throws SQLException {
    return connector.inTransaction(c -> !exists(c, authzUsers, "authorizer", authorizer, "name", name)
        && update(c, "INSERT INTO " + authzUsers + " (authorizer, name) VALUES (?, ?)", authorizer, name) == 1);
  }

  public boolean deleteAuthorizationUser(String authorizer, String name) throws SQLException {
    return connector.inTransaction(c -> {
      update(c, "DELETE FROM " + userRoles + " WHERE authorizer = ? AND user_name = ?", authorizer, name);
      return update(c, "DELETE FROM " + authzUsers + " WHERE authorizer = ? AND name = ?", authorizer, name) == 1;
    });
  }

  public boolean createRole(String authorizer, String name, List<ResourceAction> permissions) throws SQLException {
    return connector.inTransaction(c -> {
      if (exists(c, roles, "authorizer", authorizer, "name", name)) {
        return false;
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + roles
          + " (authorizer, name, permissions) VALUES (?, ?, ?)")) {
        ps.setString(1, authorizer);
        ps.setString(2, name);
        ps.setBytes(3, writePermissions(permissions));
        return ps.executeUpdate() == 1;
      }
    });
  }

  public boolean deleteRole(String authorizer, String name) throws SQLException {
    return connector.inTransaction(c -> {
      update(c, "DELETE FROM " + userRoles + " WHERE authorizer = ? AND role_name = ?", authorizer, name);
      return update(c, "DELETE FROM " + roles + " WHERE authorizer = ? AND name = ?", authorizer, name) == 1;
    });
  }

  public boolean setPermissions(String authorizer, String role, List<ResourceAction> permissions) throws SQLException {
    return connector.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + roles
          + " SET permissions = ? WHERE authorizer = ? AND name = ?")) {
        ps.setBytes(1, writePermissions(permissions));
        ps.setString(2, authorizer);
        ps.setString(3, role);
        return ps.executeUpdate() == 1;
      }
    });
  }

  /** Gives {@code user} role {@code role}; false if the user already has it. Both must exist (checked by the caller). */
  public boolean assignRole(String authorizer, String user, String role) throws SQLException {
    return connector.inTransaction(c -> {
      if (exists(c, userRoles, "authorizer", authorizer, "user_name", user, "role_name", role)) {
        return false;
      }
      return update(c, "INSERT INTO " + userRoles + " (authorizer, user_name, role_name) VALUES (?, ?, ?)",
          authorizer, user, role) == 1;
    });
  }

  public boolean unassignRole(String authorizer, String user, String role) throws SQLException {
    return connector.inTransaction(c -> update(c, "DELETE FROM " + userRoles
        + " WHERE authorizer = ? AND user_name = ? AND role_name = ?", authorizer, user, role) == 1);
  }

  // ---- helpers ----

  private List<ResourceAction> readPermissions(byte[] json) {
    try {
      return mapper.readValue(json, PERMISSIONS);
    } catch (IOException e) {
      throw new IllegalStateException("Stored role permissions are not valid JSON", e);
    }
  }

  private byte[] writePermissions(List<ResourceAction> permissions) {
    try {
      return mapper.writerFor(PERMISSIONS).writeValueAsBytes(permissions);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> names(Connection c, String sql, String scope) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, scope);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** Whether a row with the given column/value pairs exists. */
  private static boolean exists(Connection c, String table, String... columnsAndValues) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT 1 FROM ").append(table).append(" WHERE ");
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      sql.append(i == 0 ? "" : " AND ").append(columnsAndValues[i]).append(" = ?");
    }
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 1; i < columnsAndValues.length; i += 2) {
        ps.setString(i / 2 + 1, columnsAndValues[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static int update(Connection c, String sql, String... values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setString(i + 1, values[i]);
      }
      return ps.executeUpdate();
    }
  }
}
