package io.kafkaindexing.core.security.password;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Builds {@link PasswordProvider}s from JSON. Stateless. */
public final class PasswordProviders {
  private PasswordProviders() {}

  /**
   * A provider from a JSON string (the password) or object ({@code default} / {@code environment});
   * {@code field} names the setting in error messages, which never contain the password.
   */
  public static PasswordProvider fromJson(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual() || node.isNumber()) {
      return new DefaultPasswordProvider(node.asText());
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("Field[" + field + "] must be a string or a password provider object");
    }
    String type = node.path("type").asText("default").toLowerCase(Locale.ROOT);
    switch (type) {
      case "default":
        if (!node.path("password").isTextual()) {
          throw new IllegalArgumentException("Field[" + field + ".password] is required for password provider type"
              + " [default]");
        }
        return new DefaultPasswordProvider(node.get("password").asText());
      case "environment":
        if (!node.path("variable").isTextual() || node.get("variable").asText().isEmpty()) {
          throw new IllegalArgumentException("Field[" + field + ".variable] is required for password provider type"
              + " [environment]");
        }
        return new EnvironmentPasswordProvider(node.get("variable").asText());
      default:
        throw new IllegalArgumentException("Field[" + field + ".type] is [" + type
            + "]: expected one of [default, environment]");
    }
  }
}
