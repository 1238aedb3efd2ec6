package io.kafkaindexing.core.storage;

import java.util.Map;
import java.util.Objects;

/**
 * Where deep storage keeps a pushed segment and how big it is: {@code loadSpec} is the
 * {@code DataSegment.loadSpec} to publish ({@code {"type":"local","path":"..."}}) and
 * {@code sizeBytes} is Druid's {@code DataSegment.size}, the total uncompressed bytes of the
 * segment's files. Immutable.
 */
public record PushedSegment(Map<String, Object> loadSpec, long sizeBytes) {
  public PushedSegment {
    loadSpec = Map.copyOf(Objects.requireNonNull(loadSpec, "loadSpec"));
  }
}
