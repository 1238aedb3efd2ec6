package io.kafkaindexing.core.security.password;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a spec's client properties (Kafka {@code consumerProperties}) into the strings a client is
 * configured with, resolving what Druid lets users keep out of the spec: the properties of a
 * {@code druid.dynamic.config.provider} first, then every other property, where a value that is a
 * password provider object ({@code {"type":"default","password":...}} or
 * {@code {"type":"environment","variable":...}}) is replaced by the password it provides. Explicit
 * properties win over the dynamic provider's, as in Druid. Stateless.
 */
public final class ClientProperties {
  private ClientProperties() {}

  public static Map<String, String> resolve(Map<String, Object> properties) {
    Map<String, String> out = new LinkedHashMap<>();
    if (properties == null) {
      return out;
    }
    Object dynamic = properties.get(DynamicConfigProviders.KEY);
    if (dynamic != null) {
      out.putAll(DynamicConfigProviders.config(dynamic));
    }
    properties.forEach((key, value) -> {
      if (key.equals(DynamicConfigProviders.KEY)) {
        return;
      }
      if (value instanceof Map<?, ?> map && isPasswordProvider(map)) {
        String password = passwordOf(key, map);
        out.put(key, password);
      } else {
        out.put(key, value == null ? null : value.toString());
      }
    });
    return out;
  }

  /** Whether a JSON object value is a password provider (its type is {@code default} or {@code environment}). */
  static boolean isPasswordProvider(Map<?, ?> map) {
    Object type = map.get("type");
    String t = type == null ? "" : type.toString().toLowerCase(Locale.ROOT);
    return t.equals("default") || t.equals("environment");
  }

  private static String passwordOf(String key, Map<?, ?> provider) {
    String type = provider.get("type").toString().toLowerCase(Locale.ROOT);
    if (type.equals("environment")) {
      Object variable = provider.get("variable");
      if (variable == null) {
        throw new IllegalArgumentException("Field[" + key + ".variable] is required for password provider type"
            + " [environment]");
      }
      String value = System.getenv(variable.toString());
      if (value == null) {
        throw new IllegalArgumentException("Environment variable[" + variable + "] for property[" + key
            + "] is not set");
      }
      return value;
    }
    Object password = provider.get("password");
    if (password == null) {
      throw new IllegalArgumentException("Field[" + key + ".password] is required for password provider type"
          + " [default]");
    }
    return password.toString();
  }
}
