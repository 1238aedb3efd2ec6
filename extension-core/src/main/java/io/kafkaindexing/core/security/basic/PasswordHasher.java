package io.kafkaindexing.core.security.basic;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Druid's password hashing for the basic authenticator: PBKDF2WithHmacSHA512, a 32-byte random salt,
 * a 512-bit key, 10000 iterations by default. Verifying costs a full hash, so hashes of recently
 * verified passwords are cached, keyed by a SHA-256 digest of password, salt and iterations (never
 * the password itself). Thread-safe.
 */
public final class PasswordHasher {
  public static final String ALGORITHM = "PBKDF2WithHmacSHA512";
  public static final int DEFAULT_ITERATIONS = 10000;
  private static final int SALT_BYTES = 32;
  private static final int KEY_BITS = 512;
  private static final int CACHE_SIZE = 1000;

  private final SecureRandom random = new SecureRandom();
  /** Guarded by itself: digest of (password, salt, iterations) to computed hash, least recently used first. */
  private final Map<String, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  /** New credentials for {@code password} with a fresh salt. */
  public Credentials create(char[] password, int iterations) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return new Credentials(salt, hash(password, salt, iterations), iterations);
  }

  /** Whether {@code password} matches {@code credentials}, compared in constant time. */
  public boolean matches(char[] password, Credentials credentials) {
    if (credentials == null) {
      return false;
    }
    String key = cacheKey(password, credentials.salt(), credentials.iterations());
    byte[] computed;
    synchronized (cache) {
      computed = cache.get(key);
    }
    if (computed == null) {
      computed = hash(password, credentials.salt(), credentials.iterations());
      synchronized (cache) {
        cache.put(key, computed);
      }
    }
    return MessageDigest.isEqual(computed, credentials.hash());
  }

  static byte[] hash(char[] password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
      try {
        return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
      } finally {
        spec.clearPassword();
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot compute " + ALGORITHM, e);
    }
  }

  private static String cacheKey(char[] password, byte[] salt, int iterations) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(new String(password).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(salt);
      digest.update(Integer.toString(iterations).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest.digest());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
