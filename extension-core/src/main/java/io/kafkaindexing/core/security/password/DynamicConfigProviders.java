package io.kafkaindexing.core.security.password;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Druid's dynamic config providers ({@code druid.dynamic.config.provider} in a Kafka spec's
 * {@code consumerProperties}): a set of properties supplied at run time instead of written into the
 * spec. Type {@code environment}, {@code {"type":"environment","variables":{"<property>":"<ENV_VAR>"}}},
 * reads each property from an environment variable; type {@code mapString},
 * {@code {"type":"mapString","config":{"<property>":"<value>"}}}, gives them inline. Stateless.
 */
public final class DynamicConfigProviders {
  /** The consumer property that holds a dynamic config provider. */
  public static final String KEY = "druid.dynamic.config.provider";

  private DynamicConfigProviders() {}

  /**
   * The properties the provider described by {@code value} (a JSON object as read into a map) gives.
   *
   * @throws IllegalArgumentException naming the field at fault (never a value) for a malformed
   *     provider or an unset environment variable
   */
  public static Map<String, String> config(Object value) {
    if (!(value instanceof Map<?, ?> provider)) {
      throw new IllegalArgumentException("Field[" + KEY + "] must be an object with a type: environment or mapString");
    }
    String type = String.valueOf(provider.get("type")).toLowerCase(Locale.ROOT);
    Map<String, String> out = new LinkedHashMap<>();
    switch (type) {
      case "environment": {
        for (Map.Entry<String, String> e : strings(provider.get("variables"), KEY + ".variables").entrySet()) {
          String v = System.getenv(e.getValue());
          if (v == null) {
            throw new IllegalArgumentException("Environment variable[" + e.getValue() + "] for property[" + e.getKey()
                + "] of " + KEY + " is not set");
          }
          out.put(e.getKey(), v);
        }
        return out;
      }
      case "mapstring":
        return strings(provider.get("config"), KEY + ".config");
      default:
        throw new IllegalArgumentException("Field[" + KEY + ".type] is [" + provider.get("type")
            + "]: expected one of [environment, mapString]");
    }
  }

  private static Map<String, String> strings(Object value, String field) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("Field[" + field + "] must be an object of strings");
    }
    Map<String, String> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
    return out;
  }
}
