package io.kafkaindexing.segment.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaindexing.segment.SegmentJacksonModule;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularity;
import io.kafkaindexing.segment.read.SegmentMetadata;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code metadata.drd} entry: Druid's {@code Metadata} as UTF-8 JSON (no length prefix),
 * <pre>
 *   {"container":{}, "aggregators":[combining aggregators, sorted by name],
 *    "timestampSpec":{...}, "queryGranularity":..., "rollup":bool,
 *    "ordering":[{"columnName":"__time","order":"ascending"}, one per dimension...]}
 * </pre>
 * Any field may be null. Aggregators of types this service does not know are kept as JSON (and
 * written back unchanged) but left out of {@link #metadata()}. Immutable.
 */
public record MetadataDrd(SegmentMetadata metadata, List<JsonNode> aggregatorJson, List<String> ordering) {
  public static final String NAME = "metadata.drd";
  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new SegmentJacksonModule());

  public MetadataDrd {
    aggregatorJson = List.copyOf(aggregatorJson);
    ordering = ordering == null ? null : List.copyOf(ordering);
  }

  /** Metadata for {@code aggregators} (already the stored, combining form) sorted as given. */
  public static MetadataDrd of(SegmentMetadata metadata, List<String> ordering) {
    List<JsonNode> json = new ArrayList<>();
    for (AggregatorFactory f : metadata.aggregators()) {
      ObjectNode node = MAPPER.valueToTree(f);
      if (node.has("expression") && node.get("expression").isNull()) {
        node.remove("expression");
      }
      json.add(node);
    }
    return new MetadataDrd(metadata, json, ordering);
  }

  public static MetadataDrd read(ByteCursor in) {
    long at = in.fileOffset();
    String text = StandardCharsets.UTF_8.decode(in.rest().buffer()).toString();
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (IOException e) {
      throw new CorruptSegmentException(in.file(), at, "metadata.drd is not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new CorruptSegmentException(in.file(), at, "metadata.drd is not a JSON object");
    }
    List<AggregatorFactory> aggregators = new ArrayList<>();
    List<JsonNode> json = new ArrayList<>();
    for (JsonNode a : root.path("aggregators")) {
      json.add(a);
      try {
        aggregators.add(MAPPER.treeToValue(a, AggregatorFactory.class));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        // a type we do not know (or cannot read): kept as JSON only
      }
    }
    try {
      TimestampSpec ts = root.hasNonNull("timestampSpec") ? MAPPER.treeToValue(root.get("timestampSpec"),
          TimestampSpec.class) : null;
      Granularity g = root.hasNonNull("queryGranularity") ? MAPPER.treeToValue(root.get("queryGranularity"),
          Granularity.class) : null;
      Boolean rollup = root.hasNonNull("rollup") ? root.get("rollup").asBoolean() : null;
      List<String> ordering = null;
      if (root.path("ordering").isArray()) {
        ordering = new ArrayList<>();
        for (JsonNode o : root.get("ordering")) {
          ordering.add(o.path("columnName").asText());
        }
      }
      return new MetadataDrd(new SegmentMetadata(aggregators, ts, g, rollup), json, ordering);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new CorruptSegmentException(in.file(), at, "metadata.drd has an invalid field: " + e.getMessage(), e);
    }
  }

  public byte[] toBytes() {
    ObjectNode root = MAPPER.createObjectNode();
    root.putObject("container");
    ArrayNode aggs = root.putArray("aggregators");
    aggregatorJson.forEach(aggs::add);
    root.set("timestampSpec", MAPPER.valueToTree(metadata.timestampSpec()));
    root.set("queryGranularity", MAPPER.valueToTree(metadata.queryGranularity()));
    if (metadata.rollup() == null) {
      root.putNull("rollup");
    } else {
      root.put("rollup", metadata.rollup());
    }
    if (ordering != null) {
      ArrayNode order = root.putArray("ordering");
      ordering.forEach(c -> order.addObject().put("columnName", c).put("order", "ascending"));
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }
}
