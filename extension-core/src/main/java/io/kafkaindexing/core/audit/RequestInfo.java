package io.kafkaindexing.core.audit;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The REST call behind an audited change: the {@code service} that served it ({@code overlord}),
 * the HTTP {@code method}, the request {@code uri} path and the raw {@code queryParams} string
 * (null without a query). Immutable.
 */
public record RequestInfo(@JsonProperty("service") String service, @JsonProperty("method") String method,
    @JsonProperty("uri") String uri, @JsonProperty("queryParams") String queryParams) {
}
