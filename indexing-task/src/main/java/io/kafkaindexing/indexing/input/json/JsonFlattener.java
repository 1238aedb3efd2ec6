package io.kafkaindexing.indexing.input.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.indexing.input.FallbackMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns one JSON object into a row per a {@link FlattenSpec}: declared fields first (in order, even
 * when their value is null), then, with {@code useFieldDiscovery}, the top-level fields not
 * declared whose values are primitives or arrays of primitives (all top-level fields when
 * discovering nested fields), skipping nulls unless {@code keepNullColumns}. Other top-level fields
 * stay readable by name (see {@link FallbackMap}). Immutable and thread-safe.
 */
final class JsonFlattener {
  private final FlattenSpec spec;
  private final boolean keepNullColumns;
  private final boolean discoverNested;

  JsonFlattener(FlattenSpec spec, boolean keepNullColumns, boolean discoverNested) {
    this.spec = spec;
    this.keepNullColumns = keepNullColumns;
    this.discoverNested = discoverNested;
  }

  Map<String, Object> flatten(JsonNode object) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (FlattenFieldSpec field : spec.getFields()) {
      row.put(field.getName(), field.extract(object));
    }
    if (spec.isUseFieldDiscovery()) {
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        JsonNode value = e.getValue();
        if (row.containsKey(e.getKey()) || (value.isNull() && !keepNullColumns)) {
          continue;
        }
        if (discoverNested || JsonValues.isSimple(value)) {
          row.put(e.getKey(), JsonValues.toValue(value));
        }
      }
    }
    return new FallbackMap(row, name -> JsonValues.toValue(object.get(name)));
  }
}
