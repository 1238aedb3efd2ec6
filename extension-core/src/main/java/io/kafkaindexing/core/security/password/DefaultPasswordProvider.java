package io.kafkaindexing.core.security.password;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Type {@code default}: the password given inline. Serialized masked, never in clear. Immutable. */
public final class DefaultPasswordProvider implements PasswordProvider {
  private final String password;

  public DefaultPasswordProvider(String password) {
    this.password = password;
  }

  @Override
  public String getPassword() {
    return password;
  }

  @JsonProperty("type")
  public String type() {
    return "default";
  }

  @JsonProperty("password")
  public String masked() {
    return Secrets.MASK;
  }

  @Override
  public String toString() {
    return "DefaultPasswordProvider{password=" + Secrets.MASK + "}";
  }
}
