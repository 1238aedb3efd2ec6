package io.kafkaindexing.query.extraction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code {"type": "regex", "expr", "index", "replaceMissingValue", "replaceMissingValueWith"}}: the
 * capture group {@code index} (default 1; 0 is the whole match) of the first match of {@code expr}
 * in the value; when there is no match, {@code replaceMissingValueWith} if
 * {@code replaceMissingValue}, else the value itself. Immutable.
 */
public final class RegexExtractionFn implements ExtractionFn {
  private final String expr;
  private final Pattern pattern;
  private final int index;
  private final boolean replaceMissingValue;
  private final String replaceMissingValueWith;

  @JsonCreator
  public RegexExtractionFn(@JsonProperty("expr") String expr, @JsonProperty("index") Integer index,
      @JsonProperty("replaceMissingValue") Boolean replaceMissingValue,
      @JsonProperty("replaceMissingValueWith") String replaceMissingValueWith) {
    if (expr == null) {
      throw DruidException.invalidInput("Extraction function of type[regex] needs a field[expr]");
    }
    try {
      this.pattern = Pattern.compile(expr);
    } catch (PatternSyntaxException e) {
      throw DruidException.invalidInput("Invalid field[expr] of a regex extraction function: %s", e.getMessage());
    }
    this.index = index == null ? 1 : index;
    if (this.index < 0 || this.index > pattern.matcher("").groupCount()) {
      throw DruidException.invalidInput("Field[index] of a regex extraction function must be between 0 and the "
          + "number of groups in expr[%s], got[%d]", expr, this.index);
    }
    this.expr = expr;
    this.replaceMissingValue = Boolean.TRUE.equals(replaceMissingValue);
    this.replaceMissingValueWith = replaceMissingValueWith;
  }

  @JsonProperty
  public String getExpr() {
    return expr;
  }

  @JsonProperty
  public int getIndex() {
    return index;
  }

  @JsonProperty
  public boolean isReplaceMissingValue() {
    return replaceMissingValue;
  }

  @JsonProperty
  public String getReplaceMissingValueWith() {
    return replaceMissingValueWith;
  }

  @Override
  public String apply(Object value) {
    String s = ExtractionFns.str(value);
    if (s != null) {
      Matcher m = pattern.matcher(s);
      if (m.find()) {
        return m.group(index);
      }
    }
    return replaceMissingValue ? replaceMissingValueWith : s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegexExtractionFn that && expr.equals(that.expr) && index == that.index
        && replaceMissingValue == that.replaceMissingValue
        && Objects.equals(replaceMissingValueWith, that.replaceMissingValueWith);
  }

  @Override
  public int hashCode() {
    return Objects.hash(expr, index, replaceMissingValue, replaceMissingValueWith);
  }
}
