package io.kafkaindexing.core.audit;

import io.kafkaindexing.core.lifecycle.Managed;
import java.util.List;
import org.joda.time.Interval;

/**
 * Records audited changes ({@code druid.audit.manager.type}: {@code sql}, the default, writes rows
 * to {@code druid_audit}; {@code log} writes log lines) and reads them back. Implementations are
 * thread-safe. Recording never fails the change being audited: errors are logged.
 */
public interface AuditManager extends Managed {
  /** Header naming who made a change. */
  String X_DRUID_AUTHOR = "X-Druid-Author";
  /** Header explaining a change. */
  String X_DRUID_COMMENT = "X-Druid-Comment";

  void doAudit(AuditEvent event);

  /**
   * Entries of {@code type} for {@code key}, oldest first, created within {@code interval}, or
   * within the last {@code druid.audit.manager.auditHistoryMillis} when it is null. Empty for a
   * manager that does not store entries.
   */
  List<AuditEntry> fetchAuditHistory(String key, String type, Interval interval);

  /** The newest {@code limit} entries of {@code type} (for {@code key} unless null), newest first. */
  List<AuditEntry> fetchAuditHistory(String key, String type, int limit);
}
