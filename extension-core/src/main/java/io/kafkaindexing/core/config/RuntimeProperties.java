package io.kafkaindexing.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The process configuration: {@code runtime.properties} overlaid with JVM system properties of the
 * same names (so {@code -Ddruid.plaintextPort=...} wins over the file). Immutable and thread-safe.
 */
public final class RuntimeProperties {
  private final Map<String, String> values;

  public RuntimeProperties(Map<String, String> values) {
    this.values = Map.copyOf(new TreeMap<>(values));
  }

  /** Loads {@code file} (if it exists) and overlays the {@code druid.*} system properties. */
  public static RuntimeProperties load(Path file) throws IOException {
    Properties props = new Properties();
    if (file != null && Files.exists(file)) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        props.load(reader);
      }
    }
    Map<String, String> merged = new TreeMap<>();
    props.stringPropertyNames().forEach(k -> merged.put(k, props.getProperty(k).trim()));
    Properties system = System.getProperties();
    for (String key : system.stringPropertyNames()) {
      if (key.startsWith("druid.")) {
        merged.put(key, system.getProperty(key).trim());
      }
    }
    return new RuntimeProperties(merged);
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public String get(String key, String defaultValue) {
    return values.getOrDefault(key, defaultValue);
  }

  public boolean getBoolean(String key, boolean defaultValue) {
    String v = values.get(key);
    return v == null ? defaultValue : Boolean.parseBoolean(v);
  }

  /** The properties under {@code prefix + "."}, keyed by the rest of the name. */
  public Map<String, String> withPrefix(String prefix) {
    String p = prefix.endsWith(".") ? prefix : prefix + ".";
    Map<String, String> out = new TreeMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(p)) {
        out.put(k.substring(p.length()), v);
      }
    });
    return out;
  }

  /** A copy with {@code key} set to {@code value}. */
  public RuntimeProperties with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(values);
    copy.put(key, value);
    return new RuntimeProperties(copy);
  }

  public Map<String, String> asMap() {
    return values;
  }
}
