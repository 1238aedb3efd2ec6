package io.kafkaindexing.query.groupby.having;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code {"type": "or", "havingSpecs": [...]}}: rows some spec keeps. Immutable. */
public final class OrHavingSpec implements HavingSpec {
  private final List<HavingSpec> havingSpecs;

  @JsonCreator
  public OrHavingSpec(@JsonProperty("havingSpecs") List<HavingSpec> havingSpecs) {
    this.havingSpecs = AndHavingSpec.requireSpecs("or", havingSpecs);
  }

  @JsonProperty
  public List<HavingSpec> getHavingSpecs() {
    return havingSpecs;
  }

  @Override
  public boolean eval(HavingRow row) {
    for (HavingSpec s : havingSpecs) {
      if (s.eval(row)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OrHavingSpec that && havingSpecs.equals(that.havingSpecs);
  }

  @Override
  public int hashCode() {
    return havingSpecs.hashCode() + 1;
  }
}
