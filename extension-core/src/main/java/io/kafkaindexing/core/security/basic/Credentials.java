package io.kafkaindexing.core.security.basic;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A user's stored credentials in Druid's shape: PBKDF2WithHmacSHA512 {@code hash} of the password
 * with {@code salt} (both Base64) over {@code iterations}. Never the password. Immutable.
 */
public record Credentials(@JsonProperty("salt") byte[] salt, @JsonProperty("hash") byte[] hash,
    @JsonProperty("iterations") int iterations) {

  @Override
  public String toString() {
    return "Credentials{iterations=" + iterations + "}";
  }
}
