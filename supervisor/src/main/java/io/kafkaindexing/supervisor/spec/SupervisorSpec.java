package io.kafkaindexing.supervisor.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
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

  @JsonIgnore
  boolean isSuspended();

  /** The same spec with {@code suspended} set. */
  SupervisorSpec withSuspended(boolean suspended);
}
