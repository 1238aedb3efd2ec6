package io.kafkaindexing.core.metadata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Map;

/**
 * {@code druid.metadata.storage.*}: {@code type} ({@code derby}, the default, embedded;
 * {@code postgresql}; {@code mysql} for MySQL and MariaDB), {@code connector.connectURI},
 * {@code connector.user}, {@code connector.password} and {@code tables.base} (table name prefix,
 * default {@code druid}). The password is never printed. Immutable.
 */
public final class MetadataStorageConfig {
  private final SqlDialect dialect;
  private final String connectUri;
  private final String user;
  private final String password;
  private final String tablesBase;

  @JsonCreator
  public MetadataStorageConfig(@JsonProperty("type") String type,
      @JsonProperty("connector") Map<String, String> connector,
      @JsonProperty("tables") Map<String, String> tables) {
    this.dialect = SqlDialect.forType(type == null ? "derby" : type.trim().toLowerCase(Locale.ROOT));
    Map<String, String> c = connector == null ? Map.of() : connector;
    String uri = c.get("connectURI");
    this.connectUri = uri == null || uri.isBlank() ? dialect.defaultConnectUri() : uri.trim();
    this.user = c.get("user");
    this.password = c.get("password");
    String base = tables == null ? null : tables.get("base");
    this.tablesBase = base == null || base.isBlank() ? "druid" : base.trim();
  }

  public static MetadataStorageConfig derby(String connectUri) {
    return new MetadataStorageConfig("derby", Map.of("connectURI", connectUri), null);
  }

  public SqlDialect dialect() {
    return dialect;
  }

  public String connectUri() {
    return connectUri;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** The full name of a table, e.g. {@code druid_supervisors} for {@code supervisors}. */
  public String table(String name) {
    return tablesBase + "_" + name;
  }

  @Override
  public String toString() {
    return "MetadataStorageConfig{type=" + dialect.type() + ", connectURI=" + connectUri + ", user=" + user
        + ", password=" + (password == null ? "null" : "<masked>") + ", tablesBase=" + tablesBase + "}";
  }
}
