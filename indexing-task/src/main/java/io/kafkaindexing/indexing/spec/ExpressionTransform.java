package io.kafkaindexing.indexing.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.expression.Bindings;
import io.kafkaindexing.query.expression.Expr;
import io.kafkaindexing.query.expression.ExprValue;
import io.kafkaindexing.query.expression.MultiValues;
import io.kafkaindexing.query.expression.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of {@code transformSpec.transforms}: {@code {"type": "expression", "name", "expression"}}.
 * The expression reads the fields of the input row (and {@code __time}, the parsed row time); its
 * value becomes the field {@code name}, shadowing an input field of that name. A transform named
 * {@code __time} replaces the row time (epoch milliseconds). Transforms read input fields only,
 * never other transforms' outputs. Immutable.
 */
public final class ExpressionTransform {
  public static final String TYPE = "expression";

  private final String name;
  private final String expression;
  private final Expr parsed;
  private final Set<String> identifiers;

  @JsonCreator
  public ExpressionTransform(@JsonProperty("type") String type, @JsonProperty("name") String name,
      @JsonProperty("expression") String expression) {
    if (!TYPE.equals(type)) {
      throw DruidException.invalidInput("dataSchema.transformSpec.transforms[].type[%s] is not supported: "
          + "expected expression", type);
    }
    if (name == null || name.isEmpty()) {
      throw DruidException.invalidInput("dataSchema.transformSpec.transforms[] needs a field[name]");
    }
    if (expression == null) {
      throw DruidException.invalidInput("Transform[%s] in dataSchema.transformSpec.transforms needs a "
          + "field[expression]", name);
    }
    this.name = name;
    this.expression = expression;
    this.parsed = Parser.parse(expression, "field[expression] of transform[" + name + "]");
    this.identifiers = parsed.identifiers();
  }

  @JsonProperty
  public String getType() {
    return TYPE;
  }

  @JsonProperty
  public String getName() {
    return name;
  }

  @JsonProperty
  public String getExpression() {
    return expression;
  }

  /**
   * The transform's value (Long, Double, String or null) for a row seen through {@code row}; a list
   * of values when an input has several (the expression applied to each, as Druid maps scalar
   * expressions over multi-value inputs).
   */
  public Object evaluate(Bindings row) {
    List<ExprValue> each = MultiValues.evalEach(parsed, identifiers, row);
    if (each == null) {
      return parsed.eval(row).value();
    }
    List<Object> out = new ArrayList<>(each.size());
    each.forEach(v -> out.add(v.value()));
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExpressionTransform that && name.equals(that.name) && expression.equals(that.expression);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, expression);
  }

  @Override
  public String toString() {
    return name + " = " + expression;
  }
}
