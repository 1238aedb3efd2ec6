package io.kafkaindexing.core.audit;

import java.util.Objects;

/**
 * A change to audit before its payload is serialized: the audit manager turns {@code payload} (any
 * JSON-serializable value; a string becomes a JSON string) into the stored text, honouring
 * {@code skipNullField} and {@code maxPayloadSizeBytes}. Immutable.
 */
public record AuditEvent(String key, String type, AuditInfo auditInfo, RequestInfo request, Object payload) {
  public AuditEvent {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(auditInfo, "auditInfo");
  }
}
