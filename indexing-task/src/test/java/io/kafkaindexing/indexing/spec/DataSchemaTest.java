package io.kafkaindexing.indexing.spec;

import static io.kafkaindexing.indexing.TestMappers.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.indexing.TestMappers;
import io.kafkaindexing.indexing.input.json.JsonInputFormat;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleSumAggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.Test;

class DataSchemaTest {
  private static final ObjectMapper MAPPER = TestMappers.create();

  /** The seed's dataSchema (legacy parser form). */
  static final String SEED = "{\n"
      + "  \"dataSource\": \"metrics-kafka\",\n"
      + "  \"parser\": {\"type\": \"string\", \"parseSpec\": {\n"
      + "    \"timestampSpec\": {\"column\": \"time\", \"format\": \"auto\"},\n"
      + "    \"dimensionsSpec\": {\"dimensions\": [\"url\", \"user\"]},\n"
      + "    \"format\": \"json\"}},\n"
      + "  \"granularitySpec\": {\"type\": \"uniform\", \"segmentGranularity\": \"hour\", \"queryGranularity\": \"none\"},\n"
      + "  \"metricsSpec\": [{\"type\": \"count\", \"name\": \"views\"},\n"
      + "                  {\"name\": \"latencyMs\", \"type\": \"doubleSum\", \"fieldName\": \"latencyMs\"}]\n"
      + "}";

  private static DataSchema read(String json) {
    return JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), DataSchema.class, "dataSchema");
  }

  private static DruidException fail(String json) {
    return assertThrows(DruidException.class, () -> read(json));
  }

  private static String withParseSpec(String parseSpecFields) {
    return "{\"dataSource\":\"ds\",\"parser\":{\"type\":\"string\",\"parseSpec\":{" + parseSpecFields + "}}}";
  }

  @Test
  void legacyParserGivesTimestampDimensionsAndInputFormat() {
    DataSchema schema = read(SEED);
    assertEquals("metrics-kafka", schema.getDataSource());
    assertEquals(new TimestampSpec("time", "auto", null), schema.getTimestampSpec());
    assertEquals(List.of("url", "user"), schema.getDimensionsSpec().getDimensionNames());
    assertInstanceOf(JsonInputFormat.class, schema.legacyInputFormat());
    assertEquals(Granularities.HOUR, schema.getGranularitySpec().getSegmentGranularity());
    assertEquals(Granularities.NONE, schema.getGranularitySpec().getQueryGranularity());
    assertTrue(schema.getGranularitySpec().isRollup());
    assertEquals(List.of(new CountAggregatorFactory("views"), new DoubleSumAggregatorFactory("latencyMs", "latencyMs", null)),
        schema.getMetricsSpec());
    assertEquals(Set.of("views", "latencyMs"), schema.metricFields());
  }

  @Test
  void currentFormEqualsTheLegacyFormsParts() {
    DataSchema current = read("{\"dataSource\":\"metrics-kafka\","
        + "\"timestampSpec\":{\"column\":\"time\",\"format\":\"auto\"},"
        + "\"dimensionsSpec\":{\"dimensions\":[\"url\",\"user\"]},"
        + "\"granularitySpec\":{\"segmentGranularity\":\"HOUR\",\"queryGranularity\":\"NONE\"},"
        + "\"metricsSpec\":[{\"type\":\"count\",\"name\":\"views\"},"
        + "{\"type\":\"doubleSum\",\"name\":\"latencyMs\",\"fieldName\":\"latencyMs\"}]}");
    DataSchema legacy = read(SEED);
    assertNull(current.legacyInputFormat());
    assertEquals(legacy.getTimestampSpec(), current.getTimestampSpec());
    assertEquals(legacy.getDimensionsSpec(), current.getDimensionsSpec());
    assertEquals(legacy.getMetricsSpec(), current.getMetricsSpec());
    assertEquals(legacy.getGranularitySpec(), current.getGranularitySpec());
    assertFalse(legacy.equals(current), "the legacy parser is part of the spec");
  }

  @Test
  void topLevelSpecsWinOverTheParsers() {
    DataSchema schema = read("{\"dataSource\":\"ds\",\"timestampSpec\":{\"column\":\"ts\"},"
        + "\"dimensionsSpec\":{\"dimensions\":[\"a\"]},"
        + "\"parser\":{\"type\":\"string\",\"parseSpec\":{\"format\":\"json\",\"timestampSpec\":{\"column\":\"time\"},"
        + "\"dimensionsSpec\":{\"dimensions\":[\"b\"]}}}}");
    assertEquals("ts", schema.getTimestampSpec().getTimestampColumn());
    assertEquals(List.of("a"), schema.getDimensionsSpec().getDimensionNames());
  }

  @Test
  void legacyParserWithoutDimensionsIsSchemaless() {
    DataSchema schema = read(withParseSpec("\"format\":\"json\",\"timestampSpec\":{\"column\":\"t\"}"));
    assertTrue(schema.getDimensionsSpec().discoversDimensions());
  }

  @Test
  void legacyParserMissingValueIsADateTime() {
    DataSchema schema = read(withParseSpec("\"format\":\"json\","
        + "\"timestampSpec\":{\"column\":\"t\",\"missingValue\":\"2020-01-02T03:04:05Z\"}"));
    assertEquals(new DateTime("2020-01-02T03:04:05Z", DateTimeZone.UTC).getMillis(),
        schema.getTimestampSpec().getMissingValue().getMillis());
  }

  @Test
  void legacyParseSpecToleratesUnknownKeysAsTopLevelSpecsDo() {
    // Older Druid specs carry spatialDimensions; unknown keys are ignored everywhere else too.
    DataSchema schema = read(withParseSpec("\"format\":\"json\",\"timestampSpec\":{\"column\":\"t\",\"x\":1},"
        + "\"dimensionsSpec\":{\"dimensions\":[\"a\"],\"spatialDimensions\":[]}"));
    assertEquals(List.of("a"), schema.getDimensionsSpec().getDimensionNames());
  }

  @Test
  void dataSourceIsRequired() {
    assertEquals("dataSchema.dataSource is required and cannot be empty",
        fail("{\"timestampSpec\":{\"column\":\"t\"}}").getMessage());
    assertEquals("dataSchema.dataSource is required and cannot be empty",
        fail("{\"dataSource\":\"  \",\"timestampSpec\":{\"column\":\"t\"}}").getMessage());
    assertEquals("dataSchema.dataSource[a/b] cannot contain '/'",
        fail("{\"dataSource\":\"a/b\",\"timestampSpec\":{\"column\":\"t\"}}").getMessage());
    assertEquals("dataSchema.dataSource[ x] cannot start or end with whitespace",
        fail("{\"dataSource\":\" x\",\"timestampSpec\":{\"column\":\"t\"}}").getMessage());
  }

  @Test
  void timestampSpecIsRequired() {
    DruidException e = fail("{\"dataSource\":\"ds\",\"dimensionsSpec\":{\"dimensions\":[\"a\"]}}");
    assertEquals(400, e.httpStatus());
    assertTrue(e.getMessage().startsWith("dataSchema.timestampSpec is required"), e.getMessage());
    DruidException legacy = fail(withParseSpec("\"format\":\"json\""));
    assertTrue(legacy.getMessage().startsWith("dataSchema.timestampSpec is required"), legacy.getMessage());
  }

  @Test
  void duplicateMetricIsRefused() {
    DruidException e = fail("{\"dataSource\":\"ds\",\"timestampSpec\":{},"
        + "\"metricsSpec\":[{\"type\":\"count\",\"name\":\"n\"},{\"type\":\"longSum\",\"name\":\"n\",\"fieldName\":\"x\"}]}");
    assertEquals("dataSchema.metricsSpec has duplicate metric name[n]", e.getMessage());
  }

  @Test
  void metricNamedLikeADimensionIsRefused() {
    DruidException e = fail("{\"dataSource\":\"ds\",\"timestampSpec\":{},\"dimensionsSpec\":{\"dimensions\":[\"user\"]},"
        + "\"metricsSpec\":[{\"type\":\"count\",\"name\":\"user\"}]}");
    assertEquals("Column[user] is both a dimension and a metric in dataSchema", e.getMessage());
  }

  @Test
  void timeColumnNameIsReserved() {
    DruidException e = fail("{\"dataSource\":\"ds\",\"timestampSpec\":{},\"dimensionsSpec\":{\"dimensions\":[\"__time\"]}}");
    assertEquals("Column name[__time] is reserved for the row timestamp", e.getMessage());
  }

  @Test
  void otherParserTypesAndMissingParseSpecAreRefused() {
    DruidException type = fail("{\"dataSource\":\"ds\",\"parser\":{\"type\":\"avro_stream\"}}");
    assertTrue(type.getMessage().startsWith("dataSchema.parser.type[avro_stream] is not supported"), type.getMessage());
    DruidException noParseSpec = fail("{\"dataSource\":\"ds\",\"parser\":{\"type\":\"string\"}}");
    assertEquals("dataSchema.parser.parseSpec is required with a legacy parser", noParseSpec.getMessage());
    DruidException badDims = fail(withParseSpec("\"format\":\"json\",\"timestampSpec\":{\"column\":\"t\"},"
        + "\"dimensionsSpec\":{\"dimensions\":[\"a\",\"a\"]}"));
    assertTrue(badDims.getMessage().startsWith("Invalid dataSchema.parser.parseSpec: "), badDims.getMessage());
    assertTrue(badDims.getMessage().contains("duplicate dimension[a]"), badDims.getMessage());
  }

  @Test
  void echoKeepsTheParserAsGivenAndExpandsDimensions() throws Exception {
    JsonNode echo = MAPPER.valueToTree(read(SEED));
    assertEquals(List.of("dataSource", "timestampSpec", "dimensionsSpec", "metricsSpec", "granularitySpec",
        "transformSpec", "parser"), keys(echo));
    assertEquals(MAPPER.readTree("{\"column\":\"time\",\"format\":\"auto\",\"missingValue\":null}"),
        echo.get("timestampSpec"));
    assertEquals(MAPPER.readTree("{\"type\":\"string\",\"name\":\"url\",\"multiValueHandling\":\"SORTED_ARRAY\","
        + "\"createBitmapIndex\":true}"), echo.get("dimensionsSpec").get("dimensions").get(0));
    assertEquals(MAPPER.readTree("{\"filter\":null,\"transforms\":[]}"), echo.get("transformSpec"));
    assertEquals(MAPPER.readTree(SEED).get("parser"), echo.get("parser"));
    assertFalse(MAPPER.valueToTree(read("{\"dataSource\":\"ds\",\"timestampSpec\":{}}")).has("parser"),
        "no parser key without a parser");
  }

  @Test
  void echoKeepsTheParsersKeyOrder() throws Exception {
    String parser = "{\"type\":\"string\",\"parseSpec\":{\"format\":\"json\",\"timestampSpec\":{\"column\":\"t\"}},"
        + "\"encoding\":\"UTF-8\",\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5}";
    JsonNode echo = MAPPER.valueToTree(read("{\"dataSource\":\"ds\",\"parser\":" + parser + "}"));
    assertEquals(keys(MAPPER.readTree(parser)), keys(echo.get("parser")));
  }

  @Test
  void parserWithANullValueIsAccepted() throws Exception {
    DataSchema schema = read("{\"dataSource\":\"ds\",\"parser\":{\"type\":\"string\",\"encoding\":null,"
        + "\"parseSpec\":{\"format\":\"json\",\"timestampSpec\":{\"column\":\"t\"}}}}");
    assertTrue(MAPPER.valueToTree(schema).get("parser").get("encoding").isNull());
  }

  @Test
  void dimensionExclusionsFollowDruid() throws Exception {
    // Druid excludes the timestamp column, metric names and metric inputs from dimensions.
    DataSchema docs = read("{\"dataSource\":\"social_media\",\"timestampSpec\":{\"column\":\"__time\","
        + "\"format\":\"iso\"},\"dimensionsSpec\":{\"dimensions\":[\"username\",{\"type\":\"long\",\"name\":\"views\"}]},"
        + "\"metricsSpec\":[]}");
    assertEquals(List.of("__time"), docs.getDimensionsSpec().getDimensionExclusions());
    JsonNode dims = MAPPER.valueToTree(docs).get("dimensionsSpec");
    assertEquals(MAPPER.readTree("{\"dimensions\":[{\"type\":\"string\",\"name\":\"username\","
        + "\"multiValueHandling\":\"SORTED_ARRAY\",\"createBitmapIndex\":true},{\"type\":\"long\",\"name\":\"views\","
        + "\"multiValueHandling\":\"SORTED_ARRAY\",\"createBitmapIndex\":false}],\"dimensionExclusions\":[\"__time\"],"
        + "\"includeAllDimensions\":false,\"useSchemaDiscovery\":false}"), dims);

    DataSchema seed = read(SEED);
    assertEquals(Set.of("time", "views", "latencyMs"), Set.copyOf(seed.getDimensionsSpec().getDimensionExclusions()));
    assertEquals(seed, read(MAPPER.writeValueAsString(seed)), "exclusions are stable across a round trip");
  }

  @Test
  void roundTripIsEqual() throws Exception {
    DataSchema schema = read(SEED);
    String json = MAPPER.writeValueAsString(schema);
    DataSchema again = read(json);
    assertEquals(schema, again);
    assertEquals(schema.hashCode(), again.hashCode());
    assertEquals(json, MAPPER.writeValueAsString(again));
  }

  @Test
  void constructorDefaults() {
    DataSchema schema = new DataSchema("ds", new TimestampSpec(null, null, null), null, null, null, null, null);
    assertEquals(List.of(), schema.getMetricsSpec());
    assertEquals(Granularities.DAY, schema.getGranularitySpec().getSegmentGranularity());
    assertEquals(TransformSpec.NONE, schema.getTransformSpec());
    assertTrue(schema.getDimensionsSpec().discoversDimensions());
    assertEquals(DimensionsSpec.of(List.of()).getDimensions(), schema.getDimensionsSpec().getDimensions());
  }

  @Test
  void jsonOfTheWrongTypeNamesTheField() {
    DruidException e = fail("{\"dataSource\":\"ds\",\"timestampSpec\":{},\"metricsSpec\":{\"type\":\"count\"}}");
    assertTrue(e.getMessage().startsWith("Invalid value for field[metricsSpec]"), e.getMessage());
    DruidException agg = fail("{\"dataSource\":\"ds\",\"timestampSpec\":{},\"metricsSpec\":[{\"type\":"
        + "\"quantilesDoublesSketch\",\"name\":\"u\"}]}");
    assertTrue(agg.getMessage().startsWith("Could not resolve type id[quantilesDoublesSketch] of field[metricsSpec[0]]"),
        agg.getMessage());
    DruidException noField = fail("{\"dataSource\":\"ds\",\"timestampSpec\":{},\"metricsSpec\":[{\"type\":"
        + "\"hyperUnique\",\"name\":\"u\"}]}");
    assertTrue(noField.getMessage().contains("field[metricsSpec[0]]") && noField.getMessage().contains("fieldName"),
        noField.getMessage());
  }

  @Test
  void metricFieldsOfCountAreItsName() {
    DataSchema schema = new DataSchema("ds", new TimestampSpec("t", null, null), null,
        List.of(new CountAggregatorFactory("c")), null, null, null);
    assertEquals(Set.of("c"), schema.metricFields());
  }
}
