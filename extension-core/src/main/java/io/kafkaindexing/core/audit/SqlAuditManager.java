package io.kafkaindexing.core.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.metadata.MetadataStorageConnector;
import java.sql.SQLException;
import java.util.List;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code druid.audit.manager.type=sql}: each audited change is a row of {@link AuditTable}, created
 * at start-up. A failed insert is logged, never thrown. Thread-safe.
 */
public final class SqlAuditManager implements AuditManager {
  private static final Logger log = LoggerFactory.getLogger(SqlAuditManager.class);

  private final AuditTable table;
  private final PayloadSerializer serializer;
  private final AuditManagerConfig config;

  public SqlAuditManager(MetadataStorageConnector connector, ObjectMapper mapper, AuditManagerConfig config) {
    this.table = new AuditTable(connector, mapper);
    this.serializer = new PayloadSerializer(mapper, config);
    this.config = config;
  }

  @Override
  public void start() throws SQLException {
    table.createTable();
  }

  @Override
  public void stop() {
  }

  @Override
  public void doAudit(AuditEvent event) {
    AuditEntry entry = serializer.toEntry(event);
    try {
      table.insert(entry);
    } catch (SQLException | RuntimeException e) {
      log.error("Cannot record the audit entry of type[{}] key[{}] in table[{}]", entry.type(), entry.key(),
          table.name(), e);
    }
  }

  @Override
  public List<AuditEntry> fetchAuditHistory(String key, String type, Interval interval) {
    Interval within = interval;
    if (within == null) {
      DateTime now = DateTime.now(DateTimeZone.UTC);
      within = new Interval(now.minus(config.auditHistoryMillis()), now);
    }
    try {
      return table.between(key, type, within.getStart().withZone(DateTimeZone.UTC).toString(),
          within.getEnd().withZone(DateTimeZone.UTC).toString());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read audit history of key[" + key + "]: " + e.getMessage(), e);
    }
  }

  @Override
  public List<AuditEntry> fetchAuditHistory(String key, String type, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1; got[" + limit + "]");
    }
    try {
      return table.newest(key, type, limit);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read audit history of type[" + type + "]: " + e.getMessage(), e);
    }
  }
}
