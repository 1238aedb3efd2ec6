package io.kafkaindexing.query.groupby.having;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A groupBy {@code having} clause: which result rows are kept, tested after post-aggregation and
 * before the limit. Types are registered by name in the query Jackson module. Implementations are
 * immutable and thread-safe.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface HavingSpec {
  boolean eval(HavingRow row);
}
