package io.kafkaindexing.core.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.joda.time.Interval;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code druid.audit.manager.type=log}: each audited change is one line of logger
 * {@code io.kafkaindexing.core.audit.LoggingAuditManager} at {@code druid.audit.manager.logLevel};
 * nothing is stored, so history reads are empty. Thread-safe.
 */
public final class LoggingAuditManager implements AuditManager {
  private static final Logger log = LoggerFactory.getLogger(LoggingAuditManager.class);

  private final PayloadSerializer serializer;
  private final AuditManagerConfig.LogLevel level;

  public LoggingAuditManager(ObjectMapper mapper, AuditManagerConfig config) {
    this.serializer = new PayloadSerializer(mapper, config);
    this.level = config.logLevel();
  }

  @Override
  public void start() {
  }

  @Override
  public void stop() {
  }

  @Override
  public void doAudit(AuditEvent event) {
    AuditEntry e = serializer.toEntry(event);
    String format = "Audit: author[{}] identity[{}] ip[{}] changed type[{}] key[{}] with comment[{}],"
        + " request[{}], payload[{}]";
    Object[] args = {e.auditInfo().author(), e.auditInfo().identity(), e.auditInfo().ip(), e.type(), e.key(),
        e.auditInfo().comment(), e.request(), e.payload()};
    switch (level) {
      case DEBUG -> log.debug(format, args);
      case INFO -> log.info(format, args);
      case WARN -> log.warn(format, args);
      default -> throw new IllegalStateException("Unknown level[" + level + "]");
    }
  }

  @Override
  public List<AuditEntry> fetchAuditHistory(String key, String type, Interval interval) {
    return List.of();
  }

  @Override
  public List<AuditEntry> fetchAuditHistory(String key, String type, int limit) {
    return List.of();
  }
}
