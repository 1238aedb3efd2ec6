package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.expression.Expr;
import io.kafkaindexing.query.expression.ExprValue;
import io.kafkaindexing.query.expression.MultiValues;
import io.kafkaindexing.query.expression.Parser;
import io.kafkaindexing.query.expression.SelectorBindings;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * {@code {"type": "expression", "expression"}}: rows for which the expression is true (a number
 * above 0, or the string {@code true}); a null result is unknown, so neither the filter nor its
 * negation matches it. Over a multi-value row the expression is applied to each value and the row
 * matches when any result is true. Evaluated row by row (no index). Immutable.
 */
public final class ExpressionDimFilter implements DimFilter {
  private final String expression;
  private final Expr parsed;

  @JsonCreator
  public ExpressionDimFilter(@JsonProperty("expression") String expression) {
    if (expression == null) {
      throw DruidException.invalidInput("Filter of type[expression] needs a field[expression]");
    }
    this.expression = expression;
    this.parsed = Parser.parse(expression, "field[expression] of an expression filter");
  }

  @JsonProperty
  public String getExpression() {
    return expression;
  }

  @Override
  public ImmutableRoaringBitmap bitmap(ColumnIndexes indexes, boolean includeUnknown) {
    return null;
  }

  @Override
  public ValueMatcher makeMatcher(ColumnSelectorFactory columns) {
    Set<String> identifiers = parsed.identifiers();
    SelectorBindings bindings = new SelectorBindings(columns, identifiers);
    return includeUnknown -> {
      List<ExprValue> each = bindings.mayHaveMultipleValues() ? MultiValues.evalEach(parsed, identifiers, bindings)
          : null;
      if (each == null) {
        return truth(parsed.eval(bindings)).matches(includeUnknown);
      }
      Tri result = Tri.FALSE;
      for (ExprValue v : each) {
        result = result.or(truth(v));
      }
      return result.matches(includeUnknown);
    };
  }

  private static Tri truth(ExprValue v) {
    return v.isNull() ? Tri.UNKNOWN : Tri.of(v.asBoolean());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExpressionDimFilter that && expression.equals(that.expression);
  }

  @Override
  public int hashCode() {
    return Objects.hash(expression);
  }

  @Override
  public String toString() {
    return "expression(" + expression + ")";
  }
}
