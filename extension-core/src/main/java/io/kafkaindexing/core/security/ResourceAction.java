package io.kafkaindexing.core.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** An action on a resource: what one permission grants and what one check asks for. Immutable. */
public record ResourceAction(@JsonProperty("resource") Resource resource, @JsonProperty("action") Action action) {
  @JsonCreator
  public ResourceAction {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(action, "action");
  }

  public static ResourceAction readDataSource(String dataSource) {
    return new ResourceAction(Resource.dataSource(dataSource), Action.READ);
  }

  public static ResourceAction writeDataSource(String dataSource) {
    return new ResourceAction(Resource.dataSource(dataSource), Action.WRITE);
  }
}
