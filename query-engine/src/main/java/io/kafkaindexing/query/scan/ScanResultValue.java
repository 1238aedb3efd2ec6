package io.kafkaindexing.query.scan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * One batch of scan results as Druid writes it: {@code segmentId} (null when rows were ordered
 * by time across segments), {@code columns}, {@code events} (objects or arrays) and
 * {@code rowSignature}. Immutable once built.
 */
@JsonPropertyOrder({"segmentId", "columns", "events", "rowSignature"})
public record ScanResultValue(@JsonProperty("segmentId") @JsonInclude(JsonInclude.Include.ALWAYS) String segmentId,
    @JsonProperty("columns") List<String> columns, @JsonProperty("events") List<Object> events,
    @JsonProperty("rowSignature") List<Map<String, Object>> rowSignature) {}
