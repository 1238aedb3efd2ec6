package io.kafkaindexing.query.groupby.having;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;

/** {@code {"type": "not", "havingSpec"}}: rows the spec drops. Immutable. */
public final class NotHavingSpec implements HavingSpec {
  private final HavingSpec havingSpec;

  @JsonCreator
  public NotHavingSpec(@JsonProperty("havingSpec") HavingSpec havingSpec) {
    if (havingSpec == null) {
      throw DruidException.invalidInput("Having spec of type[not] needs a field[havingSpec]");
    }
    this.havingSpec = havingSpec;
  }

  @JsonProperty
  public HavingSpec getHavingSpec() {
    return havingSpec;
  }

  @Override
  public boolean eval(HavingRow row) {
    return !havingSpec.eval(row);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NotHavingSpec that && havingSpec.equals(that.havingSpec);
  }

  @Override
  public int hashCode() {
    return havingSpec.hashCode() * 31;
  }
}
