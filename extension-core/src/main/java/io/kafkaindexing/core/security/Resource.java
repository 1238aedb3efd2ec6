package io.kafkaindexing.core.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** Something a caller reads or writes: a name within a type, e.g. data source {@code metrics}. Immutable. */
public record Resource(@JsonProperty("name") String name, @JsonProperty("type") String type) {
  /** The {@code STATE} resource that {@code /status} and other cluster-state endpoints need. */
  public static final Resource STATE = new Resource("STATE", ResourceType.STATE);
  /** The {@code CONFIG} resource {@code security}, which guards the basic-security management API. */
  public static final Resource SECURITY = new Resource("security", ResourceType.CONFIG);

  @JsonCreator
  public Resource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  public static Resource dataSource(String name) {
    return new Resource(name, ResourceType.DATASOURCE);
  }
}
