package io.kafkaindexing.core.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataStorageConfigTest {
  @Test
  void defaultsToEmbeddedDerbyUnderVar() {
    MetadataStorageConfig c = new MetadataStorageConfig(null, null, null);
    assertEquals(SqlDialect.DERBY, c.dialect());
    assertEquals("jdbc:derby:var/druid/metadata.db;create=true", c.connectUri());
    assertEquals("druid_supervisors", c.table("supervisors"));
    assertNull(c.user());
    assertNull(c.password());
  }

  @Test
  void typeIsCaseInsensitiveAndUnknownTypesNameTheProperty() {
    assertEquals(SqlDialect.MYSQL, new MetadataStorageConfig(" MySQL ", null, null).dialect());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new MetadataStorageConfig("sqlite", null, null));
    assertEquals("Property[druid.metadata.storage.type] must be one of derby, postgresql, mysql; got[sqlite]",
        e.getMessage());
  }

  @Test
  void mysqlUrlsUseTheMariadbDriver() {
    assertEquals("jdbc:mariadb://h:3306/druid", SqlDialect.MYSQL.jdbcUrl("jdbc:mysql://h:3306/druid"));
    assertEquals("jdbc:mariadb://h/druid", SqlDialect.MYSQL.jdbcUrl("jdbc:mariadb://h/druid"));
    assertEquals("jdbc:postgresql://h/d", SqlDialect.POSTGRESQL.jdbcUrl("jdbc:postgresql://h/d"));
  }

  @Test
  void passwordIsNeverPrinted() {
    MetadataStorageConfig c = new MetadataStorageConfig("postgresql",
        Map.of("connectURI", "jdbc:postgresql://h/d", "user", "druid", "password", "hunter2"), Map.of("base", "x"));
    assertFalse(c.toString().contains("hunter2"), c.toString());
    assertTrue(c.toString().contains("password=<masked>"), c.toString());
    assertEquals("x_segments", c.table("segments"));
  }
}
