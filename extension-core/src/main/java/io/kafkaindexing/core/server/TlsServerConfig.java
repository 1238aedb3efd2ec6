package io.kafkaindexing.core.server;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.security.password.PasswordProvider;

/**
 * The server certificate of the TLS ports, from Druid's {@code druid.server.https.*}:
 * {@code keyStorePath}, {@code keyStoreType} (e.g. {@code PKCS12}, {@code jks}), {@code certAlias}
 * (optional: which key entry to serve), {@code keyStorePassword} and {@code keyManagerPassword}
 * (optional; password providers, so {@code {"type":"environment","variable":"NAME"}} keeps them out
 * of the file). Used only when {@code druid.enableTlsPort=true}. {@code toString()} shows no password.
 * Immutable.
 */
public final class TlsServerConfig {
  private final String keyStorePath;
  private final String keyStoreType;
  private final String certAlias;
  private final PasswordProvider keyStorePassword;
  private final PasswordProvider keyManagerPassword;

  @JsonCreator
  public TlsServerConfig(@JsonProperty("keyStorePath") String keyStorePath,
      @JsonProperty("keyStoreType") String keyStoreType,
      @JsonProperty("certAlias") String certAlias,
      @JsonProperty("keyStorePassword") PasswordProvider keyStorePassword,
      @JsonProperty("keyManagerPassword") PasswordProvider keyManagerPassword) {
    this.keyStorePath = keyStorePath;
    this.keyStoreType = keyStoreType;
    this.certAlias = certAlias;
    this.keyStorePassword = keyStorePassword;
    this.keyManagerPassword = keyManagerPassword;
  }

  /**
   * Checks what a TLS port needs.
   *
   * @throws IllegalArgumentException naming the missing property
   */
  void validate() {
    if (keyStorePath == null || keyStorePath.isBlank()) {
      throw new IllegalArgumentException("Property[druid.server.https.keyStorePath] is required when"
          + " druid.enableTlsPort=true");
    }
    if (keyStoreType == null || keyStoreType.isBlank()) {
      throw new IllegalArgumentException("Property[druid.server.https.keyStoreType] is required when"
          + " druid.enableTlsPort=true");
    }
    if (keyStorePassword == null || keyStorePassword.getPassword() == null) {
      throw new IllegalArgumentException("Property[druid.server.https.keyStorePassword] is required when"
          + " druid.enableTlsPort=true (or its environment variable is not set)");
    }
  }

  public String getKeyStorePath() {
    return keyStorePath;
  }

  public String getKeyStoreType() {
    return keyStoreType;
  }

  public String getCertAlias() {
    return certAlias;
  }

  public PasswordProvider getKeyStorePassword() {
    return keyStorePassword;
  }

  public PasswordProvider getKeyManagerPassword() {
    return keyManagerPassword;
  }

  @Override
  public String toString() {
    return "TlsServerConfig{keyStorePath=" + keyStorePath + ", keyStoreType=" + keyStoreType + ", certAlias="
        + certAlias + "}";
  }
}
