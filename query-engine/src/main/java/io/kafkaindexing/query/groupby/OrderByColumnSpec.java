package io.kafkaindexing.query.groupby;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.ordering.StringComparator;
import io.kafkaindexing.query.ordering.StringComparators;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code limitSpec.columns} entry: a column name, or
 * {@code {"dimension", "direction": "ascending"|"descending", "dimensionOrder"}}. Direction
 * defaults to ascending (any prefix such as {@code "desc"} is accepted, as in Druid);
 * {@code dimensionOrder} (a name or {@code {"type"}}) to lexicographic, and applies to dimensions
 * only. Immutable.
 */
public final class OrderByColumnSpec {
  private final String dimension;
  private final boolean descending;
  private final StringComparator dimensionOrder;

  public OrderByColumnSpec(String dimension, boolean descending, StringComparator dimensionOrder) {
    if (dimension == null || dimension.isEmpty()) {
      throw DruidException.invalidInput("Every entry of field[limitSpec.columns] needs a dimension");
    }
    this.dimension = dimension;
    this.descending = descending;
    this.dimensionOrder = dimensionOrder == null ? StringComparators.LEXICOGRAPHIC : dimensionOrder;
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static OrderByColumnSpec fromJson(JsonNode node) {
    if (node.isTextual()) {
      return new OrderByColumnSpec(node.asText(), false, null);
    }
    if (!node.isObject()) {
      throw DruidException.invalidInput("Entries of field[limitSpec.columns] must be names or objects, got[%s]", node);
    }
    String dimension = node.hasNonNull("dimension") ? node.get("dimension").asText() : null;
    boolean descending = node.hasNonNull("direction") && isDescending(node.get("direction").asText());
    StringComparator order = null;
    JsonNode orderNode = node.get("dimensionOrder");
    if (orderNode != null && !orderNode.isNull()) {
      JsonNode name = orderNode.isObject() ? orderNode.get("type") : orderNode;
      try {
        order = StringComparators.fromName(name == null ? null : name.asText());
      } catch (IllegalArgumentException e) {
        throw DruidException.invalidInput("Invalid field[limitSpec.columns.dimensionOrder]: %s", e.getMessage());
      }
    }
    return new OrderByColumnSpec(dimension, descending, order);
  }

  private static boolean isDescending(String direction) {
    String upper = direction.trim().toUpperCase(Locale.ROOT);
    if (!upper.isEmpty() && "DESCENDING".startsWith(upper)) {
      return true;
    }
    if (!upper.isEmpty() && "ASCENDING".startsWith(upper)) {
      return false;
    }
    throw DruidException.invalidInput("Unknown direction[%s] in field[limitSpec.columns]: expected ascending or "
        + "descending", direction);
  }

  public String getDimension() {
    return dimension;
  }

  public boolean isDescending() {
    return descending;
  }

  public StringComparator getDimensionOrder() {
    return dimensionOrder;
  }

  @JsonValue
  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("dimension", dimension);
    json.put("direction", descending ? "descending" : "ascending");
    json.put("dimensionOrder", dimensionOrder.name());
    return json;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OrderByColumnSpec that && dimension.equals(that.dimension) && descending == that.descending
        && dimensionOrder == that.dimensionOrder;
  }

  @Override
  public int hashCode() {
    return Objects.hash(dimension, descending, dimensionOrder.name());
  }

  @Override
  public String toString() {
    return dimension + (descending ? " desc" : "") + " (" + dimensionOrder.name() + ")";
  }
}
