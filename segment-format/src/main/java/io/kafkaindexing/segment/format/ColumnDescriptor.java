package io.kafkaindexing.segment.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The head of every column entry of a v9 segment: Druid's {@code ColumnDescriptor} as JSON.
 * <pre>
 *   int     length of the JSON (big-endian)
 *   bytes   UTF-8 JSON {"valueType":"LONG"|"FLOAT"|"DOUBLE"|"STRING"|"COMPLEX",
 *                       "hasMultipleValues":bool, "parts":[part serde, ...]}
 *   bytes   the data of each part, in order (each part knows its own length)
 * </pre>
 * Part serdes written here, exactly as Druid writes them: {@code longV2}, {@code floatV2},
 * {@code doubleV2} ({@code byteOrder}, {@code bitmapSerdeFactory}), {@code stringDictionary}
 * ({@code bitmapSerdeFactory}, {@code byteOrder}) and {@code complex} ({@code typeName}).
 * Immutable.
 */
public record ColumnDescriptor(String valueType, boolean hasMultipleValues, List<JsonNode> parts) {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  public static final String LITTLE_ENDIAN = "LITTLE_ENDIAN";

  public ColumnDescriptor {
    parts = List.copyOf(parts);
  }

  /** Reads the JSON head of a column entry; {@code in} is left at the first part's data. */
  public static ColumnDescriptor read(ByteCursor in) {
    long at = in.fileOffset();
    int length = in.count("column descriptor length", in.remaining());
    ByteBuffer json = in.take(length, "column descriptor").buffer();
    JsonNode node;
    try {
      node = MAPPER.readTree(StandardCharsets.UTF_8.decode(json).toString());
    } catch (IOException e) {
      throw new CorruptSegmentException(in.file(), at + 4, "column descriptor is not JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject() || !node.path("valueType").isTextual() || !node.path("parts").isArray()) {
      throw new CorruptSegmentException(in.file(), at + 4, "column descriptor needs valueType and parts: " + node);
    }
    List<JsonNode> parts = new ArrayList<>();
    node.get("parts").forEach(parts::add);
    return new ColumnDescriptor(node.get("valueType").asText(), node.path("hasMultipleValues").asBoolean(false), parts);
  }

  /** The JSON with its length prefix, as written in front of the parts' data. */
  public byte[] toBytes() {
    ObjectNode root = NODES.objectNode();
    root.put("valueType", valueType);
    root.put("hasMultipleValues", hasMultipleValues);
    ArrayNode array = root.putArray("parts");
    parts.forEach(array::add);
    byte[] json = root.toString().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + json.length).putInt(json.length).put(json).array();
  }

  /** {@code {"type":"roaring"}}. */
  public static ObjectNode roaring() {
    return NODES.objectNode().put("type", "roaring");
  }

  /** A {@code longV2}, {@code floatV2} or {@code doubleV2} part. */
  public static ObjectNode numericPart(String type) {
    ObjectNode part = NODES.objectNode().put("type", type).put("byteOrder", LITTLE_ENDIAN);
    part.set("bitmapSerdeFactory", roaring());
    return part;
  }

  public static ObjectNode stringDictionaryPart() {
    ObjectNode part = NODES.objectNode().put("type", "stringDictionary");
    part.set("bitmapSerdeFactory", roaring());
    part.put("byteOrder", LITTLE_ENDIAN);
    return part;
  }

  public static ObjectNode complexPart(String typeName) {
    return NODES.objectNode().put("type", "complex").put("typeName", typeName);
  }

  /** The {@code type} of part {@code i}. */
  public String partType(int i) {
    return parts.get(i).path("type").asText();
  }
}
