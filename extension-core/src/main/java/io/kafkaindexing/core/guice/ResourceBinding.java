package io.kafkaindexing.core.guice;

import java.util.Objects;

/** A Jersey resource or provider class served on the port of one role. Immutable. */
public record ResourceBinding(NodeRole role, Class<?> resourceClass) {
  public ResourceBinding {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(resourceClass, "resourceClass");
  }
}
