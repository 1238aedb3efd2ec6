package io.kafkaindexing.query.historical;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import org.joda.time.Period;

/**
 * {@code druid.historical.*}: {@code pollPeriod} (ISO-8601 period, default {@code PT1S}), how often
 * the Historical reads the used segments from the metadata store. There is no Coordinator here to
 * tell the Historical what to load, so it polls; the period bounds how long a task waits at handoff.
 * Immutable.
 */
public final class HistoricalConfig {
  public static final Duration DEFAULT_POLL_PERIOD = Duration.ofSeconds(1);

  private final Duration pollPeriod;

  @JsonCreator
  public HistoricalConfig(@JsonProperty("pollPeriod") Period pollPeriod) {
    Duration d;
    try {
      d = pollPeriod == null ? DEFAULT_POLL_PERIOD : Duration.ofMillis(pollPeriod.toStandardDuration().getMillis());
    } catch (UnsupportedOperationException e) {
      throw new IllegalArgumentException("Property[druid.historical.pollPeriod] value[" + pollPeriod
          + "] has months or years; give a fixed period such as PT1S", e);
    }
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("Property[druid.historical.pollPeriod] value[" + pollPeriod
          + "] must be positive");
    }
    this.pollPeriod = d;
  }

  public static HistoricalConfig of(Duration pollPeriod) {
    return new HistoricalConfig(new Period(pollPeriod.toMillis()));
  }

  public Duration pollPeriod() {
    return pollPeriod;
  }

  @Override
  public String toString() {
    return "HistoricalConfig{pollPeriod=" + pollPeriod + "}";
  }
}
