package io.kafkaindexing.indexing.input.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.indexing.input.InputEntity;
import io.kafkaindexing.indexing.input.InputFormat;
import io.kafkaindexing.indexing.input.ParseException;
import io.kafkaindexing.indexing.input.RawRow;
import io.kafkaindexing.indexing.input.RawRows;
import io.kafkaindexing.indexing.input.text.Lines;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code {"type": "json"}}: each record holds one or more JSON objects (whitespace-separated), each a
 * row, flattened per {@code flattenSpec} (default: discover top-level primitive fields). Options as
 * in Druid: {@code keepNullColumns} (default true when a {@code flattenSpec} with field discovery is
 * given, else false), {@code featureSpec} (Jackson {@code JsonParser.Feature} names to booleans),
 * {@code assumeNewlineDelimited} (one object per line, a bad line fails alone) and
 * {@code useJsonNodeReader} (objects before a syntax error are kept). By default a record is one
 * unit: a syntax error or a bad row makes the whole record one unparseable event. Immutable and
 * thread-safe.
 */
@JsonPropertyOrder({"type", "flattenSpec", "featureSpec", "keepNullColumns", "assumeNewlineDelimited",
    "useJsonNodeReader"})
public final class JsonInputFormat implements InputFormat {
  public static final String TYPE = "json";
  private static final int PREVIEW_CHARS = 1000;

  private final FlattenSpec flattenSpec;
  private final Map<String, Boolean> featureSpec;
  private final Boolean keepNullColumns;
  private final boolean assumeNewlineDelimited;
  private final boolean useJsonNodeReader;
  private final boolean discoverNested;
  private final ObjectMapper mapper;
  private final JsonFlattener flattener;
  /** The streaming fast path for the default flattening; null with a flattenSpec that declares fields. */
  private final FlatJsonReader flatReader;

  @JsonCreator
  public JsonInputFormat(@JsonProperty("flattenSpec") FlattenSpec flattenSpec,
      @JsonProperty("featureSpec") Map<String, Boolean> featureSpec,
      @JsonProperty("keepNullColumns") Boolean keepNullColumns,
      @JsonProperty("assumeNewlineDelimited") Boolean assumeNewlineDelimited,
      @JsonProperty("useJsonNodeReader") Boolean useJsonNodeReader) {
    this(flattenSpec, featureSpec, keepNullColumns, assumeNewlineDelimited, useJsonNodeReader, false);
  }

  private JsonInputFormat(FlattenSpec flattenSpec, Map<String, Boolean> featureSpec, Boolean keepNullColumns,
      Boolean assumeNewlineDelimited, Boolean useJsonNodeReader, boolean discoverNested) {
    this.flattenSpec = flattenSpec;
    this.featureSpec = featureSpec == null ? Map.of() : new LinkedHashMap<>(featureSpec);
    this.keepNullColumns = keepNullColumns;
    this.assumeNewlineDelimited = Boolean.TRUE.equals(assumeNewlineDelimited);
    this.useJsonNodeReader = Boolean.TRUE.equals(useJsonNodeReader);
    if (this.assumeNewlineDelimited && this.useJsonNodeReader) {
      throw new IllegalArgumentException(
          "inputFormat.useJsonNodeReader cannot be set to true when inputFormat.assumeNewlineDelimited is true");
    }
    this.discoverNested = discoverNested;
    this.mapper = new ObjectMapper();
    this.featureSpec.forEach((name, on) -> {
      try {
        mapper.configure(JsonParser.Feature.valueOf(name), Boolean.TRUE.equals(on));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("inputFormat.featureSpec has unknown JSON parser feature[" + name + "]");
      }
    });
    this.flattener = new JsonFlattener(flattenSpec == null ? FlattenSpec.DEFAULT : flattenSpec,
        isKeepNullColumns(), discoverNested);
    boolean defaultFlattening = flattenSpec == null
        || (flattenSpec.isUseFieldDiscovery() && flattenSpec.getFields().isEmpty());
    this.flatReader = defaultFlattening ? new FlatJsonReader(mapper.getFactory(), isKeepNullColumns(),
        this.featureSpec.isEmpty()) : null;
  }

  /** The plain format: discover top-level primitive fields, drop nulls. */
  public static JsonInputFormat defaults() {
    return new JsonInputFormat(null, null, null, null, null);
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public FlattenSpec getFlattenSpec() {
    return flattenSpec;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public Map<String, Boolean> getFeatureSpec() {
    return featureSpec;
  }

  /** As configured (null: the default). */
  @JsonProperty("keepNullColumns")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public Boolean getKeepNullColumnsConfigured() {
    return keepNullColumns;
  }

  /** Whether top-level null fields are kept as fields, with Druid's default. */
  @JsonIgnore
  public boolean isKeepNullColumns() {
    return keepNullColumns != null ? keepNullColumns : flattenSpec != null && flattenSpec.isUseFieldDiscovery();
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public boolean isAssumeNewlineDelimited() {
    return assumeNewlineDelimited;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public boolean isUseJsonNodeReader() {
    return useJsonNodeReader;
  }

  @Override
  public InputFormat withNestedFieldDiscovery() {
    return new JsonInputFormat(flattenSpec, featureSpec, keepNullColumns, assumeNewlineDelimited, useJsonNodeReader,
        true);
  }

  @Override
  public RawRows read(InputEntity entity) throws ParseException {
    byte[] value = entity.value();
    if (value == null) {
      throw new ParseException("null", "Record has no value", null);
    }
    if (assumeNewlineDelimited) {
      return readLines(value);
    }
    List<Map<String, Object>> flat = flatReader == null ? null : flatReader.read(value);
    if (flat != null) {
      return useJsonNodeReader ? RawRows.independent(flat.stream().map(RawRow::of).toList())
          : RawRows.allOrNothing(flat);
    }
    return readTrees(entity, value);
  }

  /** The general path: each object as a tree, flattened per the flattenSpec. */
  RawRows readTrees(InputEntity entity, byte[] value) throws ParseException {
    List<Map<String, Object>> rows = new ArrayList<>(1);
    ParseException failure = null;
    try (JsonParser parser = mapper.getFactory().createParser(value)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        rows.add(toRow(mapper.readTree(parser), token));
      }
    } catch (JsonProcessingException e) {
      failure = new ParseException(entity.valuePreview(PREVIEW_CHARS),
          "Unable to parse row [" + entity.valuePreview(PREVIEW_CHARS) + "]: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      failure = new ParseException("Unable to read record: " + e.getMessage(), e);
    } catch (ParseException e) {
      failure = e;
    }
    if (failure != null) {
      if (!useJsonNodeReader || rows.isEmpty()) {
        throw failure;
      }
      List<RawRow> kept = new ArrayList<>();
      rows.forEach(r -> kept.add(RawRow.of(r)));
      kept.add(RawRow.error(failure));
      return RawRows.independent(kept);
    }
    if (rows.isEmpty()) {
      throw new ParseException(entity.valuePreview(PREVIEW_CHARS), "Unable to parse ["
          + entity.valuePreview(PREVIEW_CHARS) + "] as the intermediateRow resulted in empty input row", null);
    }
    return useJsonNodeReader ? RawRows.independent(rows.stream().map(RawRow::of).toList())
        : RawRows.allOrNothing(rows);
  }

  private RawRows readLines(byte[] value) {
    List<RawRow> rows = new ArrayList<>();
    for (String line : Lines.split(value)) {
      try {
        JsonNode node = mapper.readTree(line);
        rows.add(RawRow.of(toRow(node, node == null ? null : node.asToken())));
      } catch (JsonProcessingException e) {
        rows.add(RawRow.error(new ParseException(line, "Unable to parse row [" + line + "]: "
            + e.getOriginalMessage(), e)));
      } catch (ParseException e) {
        rows.add(RawRow.error(e));
      }
    }
    return RawRows.independent(rows);
  }

  private Map<String, Object> toRow(JsonNode node, JsonToken token) throws ParseException {
    if (node == null || !node.isObject()) {
      String text = node == null ? "" : node.toString();
      throw new ParseException(text, "Expected a JSON object but got " + token + ": " + preview(text), null);
    }
    return flattener.flatten(node);
  }

  private static String preview(String s) {
    return s.length() > PREVIEW_CHARS ? s.substring(0, PREVIEW_CHARS) + "..." : s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonInputFormat that && Objects.equals(flattenSpec, that.flattenSpec)
        && featureSpec.equals(that.featureSpec) && Objects.equals(keepNullColumns, that.keepNullColumns)
        && assumeNewlineDelimited == that.assumeNewlineDelimited && useJsonNodeReader == that.useJsonNodeReader
        && discoverNested == that.discoverNested;
  }

  @Override
  public int hashCode() {
    return Objects.hash(flattenSpec, featureSpec, keepNullColumns, assumeNewlineDelimited, useJsonNodeReader);
  }

  @Override
  public String toString() {
    return "JsonInputFormat{flattenSpec=" + flattenSpec + ", keepNullColumns=" + isKeepNullColumns() + "}";
  }
}
