package io.kafkaindexing.core.audit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * One audited change, shaped as Druid stores it in the {@code payload} column of
 * {@code druid_audit}: {@code key} (what changed, e.g. a supervisor id), {@code type} (e.g.
 * {@code supervisor}), {@code auditInfo}, {@code request}, {@code payload} (a JSON text; Druid
 * serializes a string payload as a JSON string, quotes included) and {@code auditTime} (UTC).
 * Immutable.
 */
public record AuditEntry(@JsonProperty("key") String key, @JsonProperty("type") String type,
    @JsonProperty("auditInfo") AuditInfo auditInfo, @JsonProperty("request") RequestInfo request,
    @JsonProperty("payload") String payload, @JsonProperty("auditTime") DateTime auditTime) {

  @JsonCreator
  public AuditEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(auditInfo, "auditInfo");
    payload = payload == null ? "" : payload;
    auditTime = (auditTime == null ? DateTime.now() : auditTime).withZone(DateTimeZone.UTC);
  }

  /** The same entry with another (serialized) payload. */
  public AuditEntry withPayload(String newPayload) {
    return new AuditEntry(key, type, auditInfo, request, newPayload, auditTime);
  }
}
