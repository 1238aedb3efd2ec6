package io.kafkaindexing.core.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.joda.time.DateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an {@link AuditEvent} into the {@link AuditEntry} to store or log: the payload serialized
 * as JSON (nulls left out with {@code skipNullField}) and replaced by a note naming the limit when
 * it is longer than {@code maxPayloadSizeBytes} in UTF-8. Thread-safe.
 */
final class PayloadSerializer {
  private static final Logger log = LoggerFactory.getLogger(PayloadSerializer.class);

  private final ObjectMapper mapper;
  private final long maxPayloadSizeBytes;

  PayloadSerializer(ObjectMapper mapper, AuditManagerConfig config) {
    this.mapper = config.skipNullField()
        ? mapper.copy().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
        : mapper;
    this.maxPayloadSizeBytes = config.maxPayloadSizeBytes();
  }

  AuditEntry toEntry(AuditEvent event) {
    String text = serialize(event);
    if (maxPayloadSizeBytes >= 0 && text.getBytes(StandardCharsets.UTF_8).length > maxPayloadSizeBytes) {
      text = "Payload truncated: larger than druid.audit.manager.maxPayloadSizeBytes[" + maxPayloadSizeBytes + "]";
    }
    return new AuditEntry(event.key(), event.type(), event.auditInfo(), event.request(), text, DateTime.now());
  }

  private String serialize(AuditEvent event) {
    if (event.payload() == null) {
      return "";
    }
    try {
      return mapper.writeValueAsString(event.payload());
    } catch (JsonProcessingException e) {
      log.error("Cannot serialize the audit payload of type[{}] key[{}]", event.type(), event.key(), e);
      return "Payload could not be serialized; see the server log";
    }
  }
}
