package io.kafkaindexing.core.security.password;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** Type {@code environment}: the value of environment variable {@code variable}, read on each use. Immutable. */
public final class EnvironmentPasswordProvider implements PasswordProvider {
  private final String variable;

  public EnvironmentPasswordProvider(String variable) {
    this.variable = Objects.requireNonNull(variable, "variable");
  }

  @Override
  public String getPassword() {
    return System.getenv(variable);
  }

  @JsonProperty("type")
  public String type() {
    return "environment";
  }

  @JsonProperty("variable")
  public String variable() {
    return variable;
  }

  @Override
  public String toString() {
    return "EnvironmentPasswordProvider{variable=" + variable + "}";
  }
}
