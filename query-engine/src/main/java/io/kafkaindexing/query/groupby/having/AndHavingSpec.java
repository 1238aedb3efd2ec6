package io.kafkaindexing.query.groupby.having;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import java.util.List;

/** {@code {"type": "and", "havingSpecs": [...]}}: rows every spec keeps. Immutable. */
public final class AndHavingSpec implements HavingSpec {
  private final List<HavingSpec> havingSpecs;

  @JsonCreator
  public AndHavingSpec(@JsonProperty("havingSpecs") List<HavingSpec> havingSpecs) {
    this.havingSpecs = requireSpecs("and", havingSpecs);
  }

  static List<HavingSpec> requireSpecs(String type, List<HavingSpec> specs) {
    if (specs == null || specs.contains(null)) {
      throw DruidException.invalidInput("Having spec of type[%s] needs a field[havingSpecs] without nulls", type);
    }
    return List.copyOf(specs);
  }

  @JsonProperty
  public List<HavingSpec> getHavingSpecs() {
    return havingSpecs;
  }

  @Override
  public boolean eval(HavingRow row) {
    for (HavingSpec s : havingSpecs) {
      if (!s.eval(row)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AndHavingSpec that && havingSpecs.equals(that.havingSpecs);
  }

  @Override
  public int hashCode() {
    return havingSpecs.hashCode();
  }
}
