package io.kafkaindexing.core.security.password;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hides secrets in JSON answers: inside every {@code consumerProperties} object, at any depth, the
 * value of each key {@link Secrets#isSecretKey secret} becomes {@value Secrets#MASK} (an
 * {@code environment} password provider stays, it names a variable, not a secret), and the inline
 * values of a {@code mapString} {@code druid.dynamic.config.provider} are masked. Changes the tree in
 * place. Stateless.
 */
public final class SecretMasker {
  public static final String CONSUMER_PROPERTIES = "consumerProperties";

  private SecretMasker() {}

  public static JsonNode mask(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
      for (Map.Entry<String, JsonNode> field : fields) {
        if (field.getKey().equals(CONSUMER_PROPERTIES) && field.getValue().isObject()) {
          maskProperties((ObjectNode) field.getValue());
        } else {
          mask(field.getValue());
        }
      }
    } else if (node.isArray()) {
      node.forEach(SecretMasker::mask);
    }
    return node;
  }

  /**
   * Puts back the secrets of {@code stored} where {@code submitted} carries the mask, so that a spec
   * read from the API (masked) and posted again keeps its credentials. Walks both trees in parallel;
   * changes {@code submitted} in place.
   *
   * @throws IllegalArgumentException naming the property when a masked value has nothing to restore
   */
  public static JsonNode restore(JsonNode submitted, JsonNode stored) {
    if (submitted == null || !submitted.isObject()) {
      return submitted;
    }
    for (Map.Entry<String, JsonNode> field : new ArrayList<>(((ObjectNode) submitted).properties())) {
      JsonNode old = stored == null ? null : stored.get(field.getKey());
      if (field.getKey().equals(CONSUMER_PROPERTIES) && field.getValue().isObject()) {
        ObjectNode properties = (ObjectNode) field.getValue();
        for (Map.Entry<String, JsonNode> p : new ArrayList<>(properties.properties())) {
          if (p.getValue().isTextual() && Secrets.MASK.equals(p.getValue().asText())) {
            JsonNode previous = old == null ? null : old.get(p.getKey());
            if (previous == null || previous.isNull()) {
              throw new IllegalArgumentException("consumerProperties[" + p.getKey() + "] is " + Secrets.MASK
                  + " but no stored value exists to keep: give the value");
            }
            properties.set(p.getKey(), previous);
          }
        }
      } else {
        restore(field.getValue(), old);
      }
    }
    return submitted;
  }

  private static void maskProperties(ObjectNode properties) {
    List<String> keys = new ArrayList<>();
    properties.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      JsonNode value = properties.get(key);
      if (key.equals(DynamicConfigProviders.KEY)) {
        if (value.isObject() && "mapstring".equals(value.path("type").asText().toLowerCase(Locale.ROOT))
            && value.path("config").isObject()) {
          ObjectNode config = (ObjectNode) value.get("config");
          List<String> names = new ArrayList<>();
          config.fieldNames().forEachRemaining(names::add);
          names.forEach(n -> config.set(n, TextNode.valueOf(Secrets.MASK)));
        }
      } else if (Secrets.isSecretKey(key) && !value.isNull()) {
        boolean environment = value.isObject()
            && "environment".equals(value.path("type").asText().toLowerCase(Locale.ROOT));
        if (!environment) {
          properties.set(key, TextNode.valueOf(Secrets.MASK));
        }
      }
    }
  }
}
