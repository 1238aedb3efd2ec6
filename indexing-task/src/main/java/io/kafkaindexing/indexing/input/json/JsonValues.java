package io.kafkaindexing.indexing.input.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts Jackson trees to the plain values rows hold, as Druid's JSON reader does: integral
 * numbers that fit a long become {@link Long}, other numbers {@link Double}, text {@link String},
 * booleans {@link Boolean}, arrays {@link List}, objects {@link Map} (field order kept), JSON null
 * and missing nodes null. Stateless.
 */
public final class JsonValues {
  private JsonValues() {}

  public static Object toValue(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode element : node) {
        list.add(toValue(element));
      }
      return list;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        map.put(e.getKey(), toValue(e.getValue()));
      }
      return map;
    }
    if (node.isBinary()) {
      return node.asText();
    }
    return null;
  }

  /** A value discoverable as a root field: a primitive or an array of primitives. */
  static boolean isSimple(JsonNode node) {
    if (node.isObject()) {
      return false;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (element.isObject() || element.isArray()) {
          return false;
        }
      }
    }
    return true;
  }
}
