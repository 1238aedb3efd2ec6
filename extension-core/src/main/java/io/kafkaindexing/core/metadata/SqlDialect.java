package io.kafkaindexing.core.metadata;

/**
 * The SQL differences between the supported metadata stores, as column types and error codes.
 * Stateless.
 */
public enum SqlDialect {
  DERBY("derby", "jdbc:derby:var/druid/metadata.db;create=true",
      "BIGINT GENERATED ALWAYS AS IDENTITY", "BLOB", "CLOB", "BOOLEAN"),
  POSTGRESQL("postgresql", "jdbc:postgresql://localhost:5432/druid",
      "BIGSERIAL", "BYTEA", "TEXT", "BOOLEAN"),
  MYSQL("mysql", "jdbc:mysql://localhost:3306/druid",
      "BIGINT AUTO_INCREMENT", "LONGBLOB", "LONGTEXT", "BOOLEAN");

  private final String type;
  private final String defaultConnectUri;
  private final String serialType;
  private final String payloadType;
  private final String textType;
  private final String booleanType;

  SqlDialect(String type, String defaultConnectUri, String serialType, String payloadType, String textType,
      String booleanType) {
    this.type = type;
    this.defaultConnectUri = defaultConnectUri;
    this.serialType = serialType;
    this.payloadType = payloadType;
    this.textType = textType;
    this.booleanType = booleanType;
  }

  public static SqlDialect forType(String type) {
    for (SqlDialect d : values()) {
      if (d.type.equals(type)) {
        return d;
      }
    }
    throw new IllegalArgumentException("Property[druid.metadata.storage.type] must be one of derby, postgresql,"
        + " mysql; got[" + type + "]");
  }

  public String type() {
    return type;
  }

  public String defaultConnectUri() {
    return defaultConnectUri;
  }

  /** Auto-increment primary key column type. */
  public String serialType() {
    return serialType;
  }

  /** Binary payload column type (specs, segments as JSON bytes, as Druid stores them). */
  public String payloadType() {
    return payloadType;
  }

  public String textType() {
    return textType;
  }

  public String booleanType() {
    return booleanType;
  }

  /** A column name that is a reserved word in some dialects (Druid's {@code end}), quoted. */
  public String quote(String identifier) {
    return this == MYSQL ? "`" + identifier + "`" : "\"" + identifier + "\"";
  }

  /**
   * The JDBC URL to use: a MariaDB server is reached with the MariaDB driver, which accepts
   * {@code jdbc:mariadb:}; users write Druid's {@code jdbc:mysql:} form.
   */
  public String jdbcUrl(String connectUri) {
    if (this == MYSQL && connectUri.startsWith("jdbc:mysql:")) {
      return "jdbc:mariadb:" + connectUri.substring("jdbc:mysql:".length());
    }
    return connectUri;
  }
}
