package io.kafkaindexing.core.security.kerberos;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The session cookie the Kerberos authenticator hands out after a successful SPNEGO handshake, so
 * that later requests skip it (Hadoop's {@code hadoop.auth} cookie, as Druid uses it):
 * {@code u=<identity>&p=<principal>&t=kerberos&e=<expiry ms>&s=<HMAC-SHA256 of the rest>}. The
 * signature key is {@code cookieSignatureSecret}. Immutable and thread-safe.
 */
final class SignedCookie {
  static final String NAME = "hadoop.auth";

  private final byte[] secret;
  private final long validityMs;

  SignedCookie(byte[] secret, long validityMs) {
    this.secret = secret.clone();
    this.validityMs = validityMs;
  }

  /** The cookie value for an identity authenticated now. */
  String issue(String identity, String principal, long nowMs) {
    String content = "u=" + identity + "&p=" + principal + "&t=kerberos&e=" + (nowMs + validityMs);
    return content + "&s=" + sign(content);
  }

  /** The identity and principal of a valid, unexpired cookie; null otherwise. */
  Map<String, String> verify(String value, long nowMs) {
    if (value == null) {
      return null;
    }
    String v = value.startsWith("\"") && value.endsWith("\"") && value.length() > 1
        ? value.substring(1, value.length() - 1) : value;
    int s = v.lastIndexOf("&s=");
    if (s < 0) {
      return null;
    }
    String content = v.substring(0, s);
    byte[] expected = sign(content).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, v.substring(s + 3).getBytes(StandardCharsets.UTF_8))) {
      return null;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String part : content.split("&")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        fields.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    try {
      if (Long.parseLong(fields.getOrDefault("e", "0")) <= nowMs || !fields.containsKey("u")) {
        return null;
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return fields;
  }

  private String sign(String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
