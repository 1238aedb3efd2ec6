package io.kafkaindexing.query.topn;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.ordering.StringComparators;
import java.util.Locale;

/**
 * Reads a topN {@code metric} in every form Druid accepts: a bare metric name, or an object of
 * type {@code numeric}, {@code dimension} (with {@code ordering}), {@code inverted}, or the legacy
 * {@code lexicographic} and {@code alphaNumeric}. Stateless.
 */
public final class TopNMetricSpecs {
  private TopNMetricSpecs() {}

  public static TopNMetricSpec parse(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      throw DruidException.invalidInput("Missing required field[%s] in the topN query", field);
    }
    if (node.isTextual()) {
      return new NumericTopNMetricSpec(node.asText());
    }
    if (!node.isObject()) {
      throw DruidException.invalidInput("Field[%s] must be a metric name or an object, got[%s]", field, node);
    }
    String type = node.hasNonNull("type") ? node.get("type").asText() : "";
    String previousStop = node.hasNonNull("previousStop") ? node.get("previousStop").asText() : null;
    switch (type.toLowerCase(Locale.ROOT)) {
      case "numeric":
        return new NumericTopNMetricSpec(text(node, "metric", field));
      case "dimension":
        return new DimensionTopNMetricSpec(ordering(node.get("ordering"), field), previousStop);
      case "lexicographic":
        return new DimensionTopNMetricSpec(StringComparators.LEXICOGRAPHIC, previousStop);
      case "alphanumeric":
        return new DimensionTopNMetricSpec(StringComparators.ALPHANUMERIC, previousStop);
      case "inverted":
        return new InvertedTopNMetricSpec(parse(node.get("metric"), field + ".metric"));
      default:
        throw DruidException.invalidInput("Unknown type[%s] of field[%s]: expected numeric, dimension, inverted, "
            + "lexicographic or alphaNumeric", type, field);
    }
  }

  private static String text(JsonNode node, String name, String field) {
    JsonNode v = node.get(name);
    if (v == null || !v.isTextual()) {
      throw DruidException.invalidInput("Field[%s.%s] must be a metric name", field, name);
    }
    return v.asText();
  }

  private static io.kafkaindexing.query.ordering.StringComparator ordering(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return StringComparators.LEXICOGRAPHIC;
    }
    JsonNode name = node.isObject() ? node.get("type") : node;
    try {
      return StringComparators.fromName(name == null ? null : name.asText());
    } catch (IllegalArgumentException e) {
      throw DruidException.invalidInput("Invalid field[%s.ordering]: %s", field, e.getMessage());
    }
  }
}
