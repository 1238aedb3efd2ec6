package io.kafkaindexing.indexing.input.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fast path of the {@code json} format for its default flattening (field discovery, no
 * declared fields): reads a record of flat JSON objects with Jackson's streaming parser straight
 * into row maps, without building a {@code JsonNode} tree first. A field value must be a string,
 * number, boolean, null or an array of those; the rows are then exactly what the tree path
 * ({@link JsonFlattener}) makes of them, and a top-level name that is not a field reads as null in
 * both. Anything else (a nested object or array, a number beyond a long, a repeated field name,
 * a root that is not an object, an empty record, a syntax error) returns null and the caller reads
 * the record through the tree path, which gives the rows, errors and messages of old.
 * Profiled: the tree path took 15% of the task thread's samples in the 2,000,000-row bench
 * (docs/benchmarks.md). Thread-safe (a parser per call; {@link FieldNames} is).
 */
final class FlatJsonReader {
  private final JsonFactory factory;
  private final boolean keepNullColumns;
  /** Whether to try {@link AsciiFlatJson} first: only without parser features, which it does not know. */
  private final boolean asciiFirst;
  /** The field names recurring in this format's records, for {@link AsciiFlatJson}. */
  private final FieldNames names = new FieldNames();

  FlatJsonReader(JsonFactory factory, boolean keepNullColumns, boolean asciiFirst) {
    this.factory = factory;
    this.keepNullColumns = keepNullColumns;
    this.asciiFirst = asciiFirst;
  }

  /** The rows of {@code value}, or null when the record must go through the tree path. */
  List<Map<String, Object>> read(byte[] value) {
    if (asciiFirst) {
      List<Map<String, Object>> rows = AsciiFlatJson.read(value, keepNullColumns, names);
      if (rows != null) {
        return rows;
      }
    }
    return readStreaming(value);
  }

  /** The rows through Jackson's streaming parser, or null. */
  List<Map<String, Object>> readStreaming(byte[] value) {
    try (JsonParser parser = factory.createParser(value)) {
      List<Map<String, Object>> rows = null;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        Map<String, Object> row = token == JsonToken.START_OBJECT ? readObject(parser) : null;
        if (row == null) {
          return null;
        }
        if (rows == null) {
          rows = new ArrayList<>(1);
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The object the parser is at the start of, or null if it is not flat. */
  private Map<String, Object> readObject(JsonParser parser) throws IOException {
    Map<String, Object> row = new LinkedHashMap<>();
    boolean sawNull = false;
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken valueToken = parser.nextToken();
      Object value;
      if (valueToken == JsonToken.START_ARRAY) {
        value = readScalarArray(parser);
        if (value == null) {
          return null;
        }
      } else {
        value = scalar(parser, valueToken);
        if (value == NOT_FLAT) {
          return null;
        }
      }
      sawNull |= value == null;
      int size = row.size();
      row.put(name, value);
      if (row.size() == size) {
        return null; // a repeated name: the tree keeps the first place and the last value
      }
    }
    if (token != JsonToken.END_OBJECT) {
      return null;
    }
    if (sawNull && !keepNullColumns) {
      row.values().removeIf(Objects::isNull);
    }
    return row;
  }

  private static final Object NOT_FLAT = new Object();

  /** The value of a scalar token as {@link JsonValues} converts it, or {@link #NOT_FLAT}. */
  private static Object scalar(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        JsonParser.NumberType type = parser.getNumberType();
        return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG
            ? (Object) parser.getLongValue() : NOT_FLAT;
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        return NOT_FLAT;
    }
  }

  /** An array of scalars as a list, or null if an element is an array or object. */
  private static List<Object> readScalarArray(JsonParser parser) throws IOException {
    List<Object> list = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        return null;
      }
      Object element = scalar(parser, token);
      if (element == NOT_FLAT) {
        return null;
      }
      list.add(element);
    }
    return list;
  }
}
