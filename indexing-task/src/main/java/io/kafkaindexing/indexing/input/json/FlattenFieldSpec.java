package io.kafkaindexing.indexing.input.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of {@code flattenSpec.fields}: a field {@code name} and how to read it from a JSON
 * object: {@code root} (the top-level field {@code expr}, default the name), {@code path} (a
 * JSONPath {@code expr}), {@code jq} (a jq path {@code expr}) or {@code tree} (the field names in
 * {@code nodes}, one level each). A bare string is a {@code root} field. Expressions are compiled
 * when the spec is read, so a bad one is refused with a message naming the field. Immutable.
 */
@JsonPropertyOrder({"type", "name", "expr", "nodes"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class FlattenFieldSpec {
  /** Druid's field types, written in lower case. */
  public enum Type {
    ROOT, PATH, JQ, TREE;

    @JsonCreator
    public static Type fromString(String s) {
      try {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalArgumentException("flattenSpec field type[" + s + "] is not one of root, path, jq, tree");
      }
    }

    @JsonValue
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Type type;
  private final String name;
  private final String expr;
  private final List<String> nodes;
  private final JsonPathExpression path;
  private final JqExpression jq;

  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public FlattenFieldSpec(@JsonProperty("type") Type type, @JsonProperty("name") String name,
      @JsonProperty("expr") String expr, @JsonProperty("nodes") List<String> nodes) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("Missing 'name' in flattenSpec field spec");
    }
    if (type == null) {
      throw new IllegalArgumentException("Missing 'type' for flattenSpec field[" + name + "]");
    }
    this.type = type;
    this.name = name;
    switch (type) {
      case ROOT -> {
        this.expr = expr == null ? name : expr;
        this.nodes = null;
      }
      case TREE -> {
        if (nodes == null || nodes.isEmpty()) {
          throw new IllegalArgumentException("Missing 'nodes' for flattenSpec field[" + name + "], was [" + nodes + "]");
        }
        this.expr = null;
        this.nodes = List.copyOf(nodes);
      }
      default -> {
        if (expr == null) {
          throw new IllegalArgumentException("Missing 'expr' for flattenSpec field[" + name + "]");
        }
        this.expr = expr;
        this.nodes = null;
      }
    }
    try {
      this.path = type == Type.PATH ? JsonPathExpression.compile(expr) : null;
      this.jq = type == Type.JQ ? JqExpression.compile(expr) : null;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("flattenSpec field[" + name + "]: " + e.getMessage(), e);
    }
  }

  /** A {@code root} field from a bare name. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static FlattenFieldSpec of(String name) {
    return new FlattenFieldSpec(Type.ROOT, name, null, null);
  }

  @JsonProperty
  public Type getType() {
    return type;
  }

  @JsonProperty
  public String getName() {
    return name;
  }

  @JsonProperty
  public String getExpr() {
    return expr;
  }

  @JsonProperty
  public List<String> getNodes() {
    return nodes;
  }

  /** This field's value in {@code object}. */
  @JsonIgnore
  Object extract(JsonNode object) {
    return switch (type) {
      case ROOT -> JsonValues.toValue(object.get(expr));
      case PATH -> path.read(object);
      case JQ -> jq.read(object);
      case TREE -> {
        JsonNode node = object;
        for (String key : nodes) {
          if (node == null) {
            break;
          }
          node = node.get(key);
        }
        yield JsonValues.toValue(node);
      }
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlattenFieldSpec that && type == that.type && name.equals(that.name)
        && Objects.equals(expr, that.expr) && Objects.equals(nodes, that.nodes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, name, expr, nodes);
  }

  @Override
  public String toString() {
    return type.jsonName() + ":" + name + (expr != null ? "=" + expr : "=" + nodes);
  }
}
