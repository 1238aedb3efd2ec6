package io.kafkaindexing.core.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Binder;
import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Binds a typed config object built from the runtime properties under a prefix, the way Druid's
 * {@code JsonConfigProvider} does: {@code druid.metadata.storage.type=derby} with prefix
 * {@code druid.metadata.storage} fills field {@code type}. Nested names ({@code a.b}) become nested
 * objects. Unknown keys are ignored; a value of the wrong type fails start-up naming the property.
 */
public final class JsonConfigProvider<T> implements Provider<T> {
  private final String prefix;
  private final Class<T> type;
  private RuntimeProperties properties;
  private ObjectMapper mapper;

  private JsonConfigProvider(String prefix, Class<T> type) {
    this.prefix = prefix;
    this.type = type;
  }

  public static <T> void bind(Binder binder, String prefix, Class<T> type) {
    binder.bind(type).toProvider(new JsonConfigProvider<>(prefix, type)).in(Singleton.class);
  }

  @Inject
  void inject(RuntimeProperties properties, ObjectMapper mapper) {
    this.properties = properties;
    this.mapper = mapper;
  }

  @Override
  public T get() {
    return build(properties, mapper, prefix, type);
  }

  /** Builds the config object directly, for code that is not wired by Guice. */
  public static <T> T build(RuntimeProperties properties, ObjectMapper mapper, String prefix, Class<T> type) {
    Map<String, Object> tree = new LinkedHashMap<>();
    String dotted = prefix.endsWith(".") ? prefix : prefix + ".";
    properties.withPrefix(prefix).forEach((key, value) ->
        put(tree, key.split("\\."), 0, parseValue(mapper, dotted + key, value)));
    try {
      return mapper.copy()
          .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .convertValue(tree, type);
    } catch (IllegalArgumentException e) {
      String path = e.getCause() instanceof JsonMappingException jme ? path(jme) : "";
      if (!path.isEmpty()) {
        // A value of the wrong type: name the property the user wrote.
        throw new IllegalArgumentException("Property[" + dotted + path + "] is invalid: "
            + firstLine(((JsonMappingException) e.getCause()).getOriginalMessage()), e);
      }
      throw new IllegalArgumentException(
          "Invalid configuration under prefix[" + prefix + "]: " + e.getMessage(), e);
    }
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() == null) {
        break; // an element of a JSON array value: the property is the path so far
      }
      sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
    }
    return sb.toString();
  }

  private static String firstLine(String message) {
    int newline = message == null ? -1 : message.indexOf('\n');
    return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
  }

  /** JSON arrays and objects ({@code ["a","b"]}) are parsed as JSON; anything else stays a string. */
  private static Object parseValue(ObjectMapper mapper, String key, String value) {
    String v = value.trim();
    if (v.startsWith("[") || v.startsWith("{")) {
      try {
        return mapper.readTree(v);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException("Property[" + key + "] is not valid JSON: " + e.getOriginalMessage(), e);
      }
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> tree, String[] path, int i, Object value) {
    if (i == path.length - 1) {
      tree.putIfAbsent(path[i], value);
      return;
    }
    Object child = tree.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
    if (child instanceof Map) {
      put((Map<String, Object>) child, path, i + 1, value);
    }
  }
}
