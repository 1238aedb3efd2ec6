package io.kafkaindexing.core.audit;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who made an audited change: {@code author} and {@code comment} as the caller stated them (headers
 * {@code X-Druid-Author} and {@code X-Druid-Comment}, empty when absent), the authenticated
 * {@code identity} (null without authentication) and the caller's {@code ip}. Immutable.
 */
public record AuditInfo(@JsonProperty("author") String author, @JsonProperty("identity") String identity,
    @JsonProperty("comment") String comment, @JsonProperty("ip") String ip) {
}
