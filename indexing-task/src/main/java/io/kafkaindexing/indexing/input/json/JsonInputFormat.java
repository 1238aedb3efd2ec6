package io.kafkaindexing.indexing.input;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code {"type": "json"}}: each record holds one or more JSON objects (whitespace-separated); each
 * object is a row. Nested objects are kept as maps, arrays as lists (multi-value dimensions).
 * {@code flattenSpec} is not supported yet and is refused naming the field. Immutable, thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public final class JsonInputFormat implements InputFormat {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private final boolean keepNullColumns;

  @JsonCreator
  public JsonInputFormat(@JsonProperty("flattenSpec") Map<String, Object> flattenSpec,
      @JsonProperty("keepNullColumns") Boolean keepNullColumns) {
    if (flattenSpec != null && !flattenSpec.isEmpty()) {
      throw new IllegalArgumentException("inputFormat.flattenSpec is not supported yet");
    }
    this.keepNullColumns = Boolean.TRUE.equals(keepNullColumns);
  }

  @JsonProperty
  public boolean isKeepNullColumns() {
    return keepNullColumns;
  }

  @Override
  public List<Map<String, Object>> read(byte[] value) throws ParseException {
    if (value == null) {
      throw new ParseException("Record has no value (tombstone)");
    }
    List<Map<String, Object>> rows = new ArrayList<>(1);
    try (JsonParser parser = FACTORY.createParser(value)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token != JsonToken.START_OBJECT) {
          throw new ParseException("Expected a JSON object but got " + token + " at line "
              + parser.currentTokenLocation().getLineNr() + ", column " + parser.currentTokenLocation().getColumnNr());
        }
        Map<String, Object> row = readObject(parser);
        rows.add(row);
      }
    } catch (IOException e) {
      throw new ParseException("Unable to parse row [" + preview(value) + "]: " + e.getMessage(), e);
    }
    if (rows.isEmpty()) {
      throw new ParseException("Record holds no JSON object");
    }
    return rows;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> readObject(JsonParser parser) throws IOException {
    Map<String, Object> map = MAPPER.readValue(parser, LinkedHashMap.class);
    if (!keepNullColumns) {
      map.values().removeIf(Objects::isNull);
    }
    return map;
  }

  private static String preview(byte[] value) {
    String s = new String(value, 0, Math.min(value.length, 200), java.nio.charset.StandardCharsets.UTF_8);
    return value.length > 200 ? s + "..." : s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonInputFormat that && keepNullColumns == that.keepNullColumns;
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(keepNullColumns);
  }
}
