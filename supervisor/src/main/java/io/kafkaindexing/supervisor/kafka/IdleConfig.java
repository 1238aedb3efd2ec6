package io.kafkaindexing.supervisor.kafka;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kafkaindexing.core.error.DruidException;
import java.util.Objects;

/**
 * Druid's {@code ioConfig.idleConfig}: when {@code enabled}, a supervisor whose tasks have read
 * everything and whose topic received nothing new for {@code inactiveAfterMillis} (default
 * 600000) becomes {@code IDLE}: running tasks finish at their {@code taskDuration} and no new ones
 * start until data arrives. Immutable.
 */
@JsonPropertyOrder({"enabled", "inactiveAfterMillis"})
public final class IdleConfig {
  static final long DEFAULT_INACTIVE_AFTER_MILLIS = 600_000L;

  private final boolean enabled;
  private final long inactiveAfterMillis;

  @JsonCreator
  public IdleConfig(@JsonProperty("enabled") Boolean enabled,
      @JsonProperty("inactiveAfterMillis") Long inactiveAfterMillis) {
    if (inactiveAfterMillis != null && inactiveAfterMillis <= 0) {
      throw DruidException.invalidInput("ioConfig.idleConfig.inactiveAfterMillis must be positive, got[%d]",
          inactiveAfterMillis);
    }
    this.enabled = Boolean.TRUE.equals(enabled);
    this.inactiveAfterMillis = inactiveAfterMillis == null ? DEFAULT_INACTIVE_AFTER_MILLIS : inactiveAfterMillis;
  }

  @JsonProperty
  public boolean isEnabled() {
    return enabled;
  }

  @JsonProperty
  public long getInactiveAfterMillis() {
    return inactiveAfterMillis;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdleConfig that && enabled == that.enabled && inactiveAfterMillis == that.inactiveAfterMillis;
  }

  @Override
  public int hashCode() {
    return Objects.hash(enabled, inactiveAfterMillis);
  }

  @Override
  public String toString() {
    return "IdleConfig{enabled=" + enabled + ", inactiveAfterMillis=" + inactiveAfterMillis + "}";
  }
}
