package io.kafkaindexing.query.extraction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import java.util.regex.Pattern;

/** {@code {"type": "partial", "expr"}}: the value when {@code expr} matches somewhere in it, else null. Immutable. */
public final class PartialExtractionFn implements ExtractionFn {
  private final String expr;
  private final Pattern pattern;

  @JsonCreator
  public PartialExtractionFn(@JsonProperty("expr") String expr) {
    if (expr == null) {
      throw DruidException.invalidInput("Extraction function of type[partial] needs a field[expr]");
    }
    this.expr = expr;
    this.pattern = Pattern.compile(expr);
  }

  @JsonProperty
  public String getExpr() {
    return expr;
  }

  @Override
  public String apply(Object value) {
    String s = ExtractionFns.str(value);
    return s != null && pattern.matcher(s).find() ? s : null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartialExtractionFn that && expr.equals(that.expr);
  }

  @Override
  public int hashCode() {
    return expr.hashCode();
  }
}
