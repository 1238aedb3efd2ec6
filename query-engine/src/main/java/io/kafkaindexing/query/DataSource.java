package io.kafkaindexing.query;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.core.error.DruidException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A query's {@code dataSource}: a table name given as a string or as
 * {@code {"type": "table", "name": ...}}. Other data source types (query, union, inline, join,
 * lookup) are refused with a message naming the type. Written in the object form. Immutable.
 */
public final class DataSource {
  private final String name;

  private DataSource(String name) {
    this.name = name;
  }

  public static DataSource table(String name) {
    if (name == null || name.isEmpty()) {
      throw DruidException.invalidInput("Field[dataSource] must name a table");
    }
    return new DataSource(name);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static DataSource fromJson(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return table(node.asText());
    }
    if (!node.isObject()) {
      throw DruidException.invalidInput("Field[dataSource] must be a table name or an object, got[%s]", node);
    }
    String type = node.hasNonNull("type") ? node.get("type").asText() : "table";
    if (!"table".equalsIgnoreCase(type)) {
      throw DruidException.invalidInput("dataSource of type[%s] is not supported yet: use a table name", type);
    }
    JsonNode name = node.get("name");
    if (name == null || !name.isTextual()) {
      throw DruidException.invalidInput("Field[dataSource.name] must name a table");
    }
    return table(name.asText());
  }

  public String getName() {
    return name;
  }

  @JsonValue
  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", "table");
    json.put("name", name);
    return json;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataSource that && name.equals(that.name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
