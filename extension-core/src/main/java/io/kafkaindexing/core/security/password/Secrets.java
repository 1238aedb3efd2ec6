package io.kafkaindexing.core.security.password;

import java.util.Locale;

/**
 * Which configuration keys hold secrets, and the mask shown in their place. A key is secret when it
 * contains {@code password} or {@code secret} (any letter case), or is {@code sasl.jaas.config}
 * (the JAAS line carries the password). Stateless.
 */
public final class Secrets {
  /** What a secret value is replaced by wherever it would be shown. */
  public static final String MASK = "<masked>";

  private Secrets() {}

  public static boolean isSecretKey(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password") || k.contains("secret") || k.equals("sasl.jaas.config");
  }
}
