package io.kafkaindexing.supervisor.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * Druid's tombstone ({@code "type": "NoopSupervisorSpec"}): the version stored in
 * {@code druid_supervisors} when a supervisor is terminated, keeping its id and data sources for
 * the history. A tombstone never runs. Immutable.
 */
@JsonPropertyOrder({"id", "dataSources", "suspended", "source"})
public final class NoopSupervisorSpec implements SupervisorSpec {
  public static final String TYPE = "NoopSupervisorSpec";

  private final String id;
  private final List<String> dataSources;

  @JsonCreator
  public NoopSupervisorSpec(@JsonProperty("id") String id, @JsonProperty("dataSources") List<String> dataSources) {
    this.id = id;
    this.dataSources = dataSources == null ? List.of() : List.copyOf(dataSources);
  }

  @Override
  @JsonProperty("id")
  public String getId() {
    return id;
  }

  @Override
  @JsonProperty("dataSources")
  public List<String> getDataSources() {
    return dataSources;
  }

  @Override
  public boolean isSuspended() {
    return false;
  }

  @Override
  public String getType() {
    return "noop";
  }

  @Override
  @JsonProperty("source")
  public String getSource() {
    return "noop";
  }

  @Override
  public NoopSupervisorSpec withSuspended(boolean suspended) {
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoopSupervisorSpec that && Objects.equals(id, that.id) && dataSources.equals(that.dataSources);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, dataSources);
  }
}
