package io.kafkaindexing.core.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.security.password.PasswordProvider;
import java.util.Locale;

/**
 * {@code druid.escalator.*}: the identity internal requests run as. Type {@code noop} (default),
 * {@code basic} with {@code internalClientUsername}, {@code internalClientPassword} (a password
 * provider) and {@code authorizerName}, or {@code kerberos} (Druid's {@code internalClientPrincipal}
 * and {@code internalClientKeytab} are accepted and not used). All roles run in one process and call each other in-process,
 * so no internal HTTP request uses it yet; it is validated so that a Druid configuration carries
 * over unchanged. Immutable; {@code toString()} hides the password.
 */
public final class EscalatorConfig {
  private final String type;
  private final String internalClientUsername;
  private final PasswordProvider internalClientPassword;
  private final String authorizerName;

  @JsonCreator
  public EscalatorConfig(@JsonProperty("type") String type,
      @JsonProperty("internalClientUsername") String internalClientUsername,
      @JsonProperty("internalClientPassword") PasswordProvider internalClientPassword,
      @JsonProperty("authorizerName") String authorizerName) {
    this.type = type == null ? "noop" : type.toLowerCase(Locale.ROOT);
    if (!this.type.equals("noop") && !this.type.equals("basic") && !this.type.equals("kerberos")) {
      throw new IllegalArgumentException("Property[druid.escalator.type] is [" + type
          + "]: expected one of [noop, basic, kerberos]");
    }
    if (this.type.equals("basic") && internalClientUsername == null) {
      throw new IllegalArgumentException("Property[druid.escalator.internalClientUsername] is required for"
          + " druid.escalator.type=basic");
    }
    this.internalClientUsername = internalClientUsername;
    this.internalClientPassword = internalClientPassword;
    this.authorizerName = authorizerName;
  }

  public String getType() {
    return type;
  }

  public String getInternalClientUsername() {
    return internalClientUsername;
  }

  public PasswordProvider getInternalClientPassword() {
    return internalClientPassword;
  }

  public String getAuthorizerName() {
    return authorizerName;
  }

  @Override
  public String toString() {
    return "EscalatorConfig{type=" + type + ", internalClientUsername=" + internalClientUsername
        + ", authorizerName=" + authorizerName + "}";
  }
}
