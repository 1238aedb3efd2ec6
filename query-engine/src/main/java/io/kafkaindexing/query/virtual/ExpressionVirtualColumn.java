package io.kafkaindexing.query.virtual;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.expression.Expr;
import io.kafkaindexing.query.expression.ExprType;
import io.kafkaindexing.query.expression.ExprValue;
import io.kafkaindexing.query.expression.MultiValues;
import io.kafkaindexing.query.expression.Parser;
import io.kafkaindexing.query.expression.SelectorBindings;
import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code {"type": "expression", "name", "expression", "outputType"}}: a column computed per row by
 * an expression over other columns (stored or virtual). {@code outputType} (LONG, FLOAT, DOUBLE or
 * STRING) coerces the values; without it the type is inferred from the expression and the types
 * of the columns it reads, and is FLOAT (as Druid documents) when that cannot be told. Over a
 * multi-value row the expression is applied to each value (a STRING column then has several
 * values per row, as Druid's implicit mapping gives). Immutable.
 */
public final class ExpressionVirtualColumn implements VirtualColumn {
  private final String name;
  private final String expression;
  private final ValueType outputType;
  private final Expr parsed;

  @JsonCreator
  public ExpressionVirtualColumn(@JsonProperty("name") String name, @JsonProperty("expression") String expression,
      @JsonProperty("outputType") String outputType) {
    if (name == null || name.isEmpty()) {
      throw DruidException.invalidInput("Virtual column of type[expression] needs a field[name]");
    }
    if (expression == null) {
      throw DruidException.invalidInput("Virtual column[%s] of type[expression] needs a field[expression]", name);
    }
    this.name = name;
    this.expression = expression;
    this.outputType = outputType == null ? null : parseType(name, outputType);
    this.parsed = Parser.parse(expression, "field[expression] of virtual column[" + name + "]");
  }

  private static ValueType parseType(String name, String type) {
    try {
      ValueType t = ValueType.fromString(type);
      if (t == ValueType.COMPLEX) {
        throw new IllegalArgumentException("complex");
      }
      return t;
    } catch (IllegalArgumentException e) {
      throw DruidException.invalidInput("Unknown outputType[%s] of virtual column[%s]: expected LONG, FLOAT, DOUBLE "
          + "or STRING", type, name);
    }
  }

  @JsonProperty("name")
  @Override
  public String getOutputName() {
    return name;
  }

  @JsonProperty
  public String getExpression() {
    return expression;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String getOutputType() {
    return outputType == null ? null : outputType.name();
  }

  @Override
  public List<String> requiredColumns() {
    return List.copyOf(parsed.identifiers());
  }

  @Override
  public ColumnValueSelector makeSelector(ColumnSelectorFactory columns) {
    ValueType type = capabilities(columns::getColumnCapabilities).type();
    return new ExpressionSelector(parsed, new SelectorBindings(columns, parsed.identifiers()), type);
  }

  @Override
  public ColumnCapabilities capabilities(Function<String, ColumnCapabilities> columns) {
    if (outputType != null) {
      return ColumnCapabilities.simple(outputType);
    }
    ExprType inferred = parsed.outputType(c -> SelectorBindings.typeOf(columns.apply(c)));
    return ColumnCapabilities.simple(inferred == null ? ValueType.FLOAT : inferred.valueType());
  }

  /**
   * Evaluates the expression for the current row, coerced to the column's type. A row whose inputs
   * have several values gives one value per input value ({@link MultiValues}): a list of strings
   * for a STRING column, null for a numeric one. Not thread-safe.
   */
  private static final class ExpressionSelector implements ColumnValueSelector {
    private final Expr expr;
    private final Set<String> identifiers;
    private final SelectorBindings bindings;
    private final ValueType type;

    ExpressionSelector(Expr expr, SelectorBindings bindings, ValueType type) {
      this.expr = expr;
      this.identifiers = expr.identifiers();
      this.bindings = bindings;
      this.type = type;
    }

    /** The single value, or null when the row has several (see {@link #getObject}). */
    private ExprValue value() {
      if (bindings.mayHaveMultipleValues() && MultiValues.evalEach(expr, identifiers, bindings) != null) {
        return null;
      }
      return coerce(expr.eval(bindings));
    }

    private ExprValue coerce(ExprValue v) {
      return switch (type) {
        case LONG -> v.castTo(ExprType.LONG);
        case FLOAT, DOUBLE -> v.castTo(ExprType.DOUBLE);
        case STRING -> v.castTo(ExprType.STRING);
        default -> v;
      };
    }

    @Override
    public long getLong() {
      ExprValue v = value();
      return v == null ? 0L : v.asLong();
    }

    @Override
    public double getDouble() {
      ExprValue v = value();
      return v == null ? 0d : v.asDouble();
    }

    @Override
    public boolean isNull() {
      ExprValue v = value();
      return v == null || v.isNumericNull();
    }

    @Override
    public Object getObject() {
      List<ExprValue> each = bindings.mayHaveMultipleValues() ? MultiValues.evalEach(expr, identifiers, bindings)
          : null;
      if (each != null) {
        if (type != ValueType.STRING) {
          return null;
        }
        List<String> out = new ArrayList<>(each.size());
        each.forEach(v -> out.add(v.asString()));
        return out;
      }
      Object v = coerce(expr.eval(bindings)).value();
      return type == ValueType.FLOAT && v instanceof Double d ? (Object) d.floatValue() : v;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExpressionVirtualColumn that && name.equals(that.name) && expression.equals(that.expression)
        && outputType == that.outputType;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, expression, outputType);
  }

  @Override
  public String toString() {
    return "expression(" + name + " = " + expression + ")";
  }
}
