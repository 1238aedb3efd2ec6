package io.kafkaindexing.supervisor.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * A supervisor spec as POSTed to {@code /druid/indexer/v1/supervisor}: plain data, polymorphic on
 * {@code type} (names registered by the owning module; matched in any letter case). A Guice-bound
 * factory turns a spec into a running supervisor. Immutable.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface SupervisorSpec {
  /** The supervisor id; for Kafka, the data source. */
  @JsonIgnore
  String getId();

  @JsonIgnore
  List<String> getDataSources();

  /** The spec's type name as Druid's system view lists it ({@code "kafka"}). */
  @JsonIgnore
  String getType();

  /** What it reads from, as Druid's system view lists it (for Kafka, the topic). */
  @JsonIgnore
  String getSource();

  /** Part of every spec's JSON (Druid echoes it; a stored suspended spec must stay suspended). */
  @JsonProperty("suspended")
  boolean isSuspended();

  /** The same spec with {@code suspended} set. */
  SupervisorSpec withSuspended(boolean suspended);
}
