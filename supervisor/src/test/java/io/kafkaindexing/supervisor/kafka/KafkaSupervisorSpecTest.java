package io.kafkaindexing.supervisor.kafka;

import static io.kafkaindexing.supervisor.SupervisorTestSupport.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.indexing.input.json.JsonInputFormat;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.spec.TimestampSpec;
import io.kafkaindexing.supervisor.SupervisorTestSupport;
import io.kafkaindexing.supervisor.spec.SupervisorSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

class KafkaSupervisorSpecTest {
  private static final ObjectMapper MAPPER = SupervisorTestSupport.mapper();
  private static final String SEED = SupervisorTestSupport.read("seed/supervisor-spec.json");

  /** The body of Druid's "Create or update a supervisor" docs example. */
  static final String DOCS_INPUT = "{\"type\":\"kafka\",\"spec\":{"
      + "\"ioConfig\":{\"type\":\"kafka\",\"consumerProperties\":{\"bootstrap.servers\":\"localhost:9094\"},"
      + "\"topic\":\"social_media\",\"inputFormat\":{\"type\":\"json\"},\"useEarliestOffset\":true},"
      + "\"tuningConfig\":{\"type\":\"kafka\"},"
      + "\"dataSchema\":{\"dataSource\":\"social_media\",\"timestampSpec\":{\"column\":\"__time\",\"format\":\"iso\"},"
      + "\"dimensionsSpec\":{\"dimensions\":[\"username\",{\"type\":\"long\",\"name\":\"views\"}]},"
      + "\"granularitySpec\":{\"queryGranularity\":\"none\",\"rollup\":false,\"segmentGranularity\":\"hour\"}}}}";

  /** Druid's echo of that spec's ioConfig (druid-facts 3.3), exactly. */
  static final String DOCS_IO_ECHO = "{\"topic\":\"social_media\",\"inputFormat\":{\"type\":\"json\"},\"replicas\":1,"
      + "\"taskCount\":1,\"taskDuration\":\"PT3600S\",\"consumerProperties\":{\"bootstrap.servers\":\"localhost:9094\"},"
      + "\"autoScalerConfig\":null,\"pollTimeout\":100,\"startDelay\":\"PT5S\",\"period\":\"PT30S\","
      + "\"useEarliestOffset\":true,\"completionTimeout\":\"PT1800S\",\"lateMessageRejectionPeriod\":null,"
      + "\"earlyMessageRejectionPeriod\":null,\"lateMessageRejectionStartDateTime\":null,\"configOverrides\":null,"
      + "\"idleConfig\":null,\"stream\":\"social_media\",\"useEarliestSequenceNumber\":true}";

  /** Druid's echo of that spec's dataSchema (druid-facts 3.3). */
  static final String DOCS_SCHEMA_ECHO = "{\"dataSource\":\"social_media\","
      + "\"timestampSpec\":{\"column\":\"__time\",\"format\":\"iso\",\"missingValue\":null},"
      + "\"dimensionsSpec\":{\"dimensions\":["
      + "{\"type\":\"string\",\"name\":\"username\",\"multiValueHandling\":\"SORTED_ARRAY\",\"createBitmapIndex\":true},"
      + "{\"type\":\"long\",\"name\":\"views\",\"multiValueHandling\":\"SORTED_ARRAY\",\"createBitmapIndex\":false}],"
      + "\"dimensionExclusions\":[\"__time\"],\"includeAllDimensions\":false,\"useSchemaDiscovery\":false},"
      + "\"metricsSpec\":[],"
      + "\"granularitySpec\":{\"type\":\"uniform\",\"segmentGranularity\":\"HOUR\",\"queryGranularity\":{\"type\":\"none\"},"
      + "\"rollup\":false,\"intervals\":[]},"
      + "\"transformSpec\":{\"filter\":null,\"transforms\":[]}}";

  private static KafkaSupervisorSpec parse(String json) {
    return assertInstanceOf(KafkaSupervisorSpec.class, SupervisorTestSupport.parse(MAPPER, json));
  }

  private static String edit(String json, Consumer<ObjectNode> change) {
    try {
      ObjectNode tree = (ObjectNode) MAPPER.readTree(json);
      change.accept(tree);
      return MAPPER.writeValueAsString(tree);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ObjectNode io(ObjectNode spec) {
    return (ObjectNode) spec.get("ioConfig");
  }

  private static DruidException fail(String json) {
    return assertThrows(DruidException.class, () -> parse(json));
  }

  /** The seed spec in the current form: timestampSpec/dimensionsSpec plus ioConfig.inputFormat. */
  static String seedWithInputFormat() {
    return edit(SEED, s -> {
      ObjectNode schema = (ObjectNode) s.get("dataSchema");
      JsonNode parseSpec = schema.remove("parser").get("parseSpec");
      schema.set("timestampSpec", parseSpec.get("timestampSpec"));
      schema.set("dimensionsSpec", parseSpec.get("dimensionsSpec"));
      io(s).putObject("inputFormat").put("type", "json");
    });
  }

  @Test
  void seedSpecInLegacyParserForm() {
    KafkaSupervisorSpec spec = parse(SEED);
    assertEquals("metrics-kafka", spec.getId());
    assertEquals(List.of("metrics-kafka"), spec.getDataSources());
    assertFalse(spec.isSuspended());
    assertEquals(new TimestampSpec("time", "auto", null), spec.getDataSchema().getTimestampSpec());
    assertEquals(List.of("url", "user"), spec.getDataSchema().getDimensionsSpec().getDimensionNames());
    assertEquals(Granularities.HOUR, spec.getDataSchema().getGranularitySpec().getSegmentGranularity());
    assertEquals(2, spec.getDataSchema().getMetricsSpec().size());
    assertInstanceOf(JsonInputFormat.class, spec.inputFormat(), "from the legacy parser");
    assertNull(spec.getIoConfig().getInputFormat());
    KafkaSupervisorIOConfig io = spec.getIoConfig();
    assertEquals("metrics", io.getTopic());
    assertEquals(Map.of("bootstrap.servers", "localhost:9092", "group.id", "kafka-indexing-service"),
        io.getConsumerProperties());
    assertEquals(1, io.getTaskCount());
    assertEquals(1, io.getReplicas());
    assertEquals(Duration.standardHours(1), io.getTaskDuration());
    assertFalse(io.isUseEarliestOffset());
    assertEquals(100_000, spec.getTuningConfig().getMaxRowsInMemory(), "\"100000\" coerced");
  }

  @Test
  void inputFormatFormIsEquivalent() {
    KafkaSupervisorSpec legacy = parse(SEED);
    KafkaSupervisorSpec current = parse(seedWithInputFormat());
    assertEquals(legacy.getId(), current.getId());
    assertEquals(legacy.inputFormat(), current.inputFormat());
    assertEquals(legacy.getDataSchema().getTimestampSpec(), current.getDataSchema().getTimestampSpec());
    assertEquals(legacy.getDataSchema().getDimensionsSpec(), current.getDataSchema().getDimensionsSpec());
    assertEquals(legacy.getDataSchema().getMetricsSpec(), current.getDataSchema().getMetricsSpec());
    assertEquals(legacy.getDataSchema().getGranularitySpec(), current.getDataSchema().getGranularitySpec());
    assertEquals(legacy.getTuningConfig(), current.getTuningConfig());
    assertEquals(legacy.getIoConfig().getConsumerProperties(), current.getIoConfig().getConsumerProperties());
    assertEquals(JsonInputFormat.defaults(), current.getIoConfig().getInputFormat());
  }

  @Test
  void nestedSpecFormEqualsTopLevelForm() {
    String nested = edit(SEED, s -> {
      ObjectNode inner = MAPPER.createObjectNode();
      inner.set("dataSchema", s.remove("dataSchema"));
      inner.set("ioConfig", s.remove("ioConfig"));
      inner.set("tuningConfig", s.remove("tuningConfig"));
      s.set("spec", inner);
    });
    assertFalse(nested.contains("\"dataSchema\":{\"dataSource\":\"metrics-kafka\"},\"ioConfig\""));
    assertEquals(parse(SEED), parse(nested));
    assertEquals(parse(seedWithInputFormat()), parse(edit(seedWithInputFormat(), s -> {
      ObjectNode inner = MAPPER.createObjectNode();
      inner.set("dataSchema", s.remove("dataSchema"));
      inner.set("ioConfig", s.remove("ioConfig"));
      s.set("spec", inner);
    })), "a partial nested spec takes the rest from the top level");
  }

  @Test
  void typeInAnyCase() {
    assertEquals(parse(SEED), parse(SEED.replace("\"type\": \"kafka\"", "\"type\": \"Kafka\"")));
    DruidException e = fail(SEED.replace("\"type\": \"kafka\"", "\"type\": \"kinesis\""));
    assertTrue(e.getMessage().startsWith("Could not resolve type id[kinesis]"), e.getMessage());
  }

  @Test
  void echoHasDruidsShapeForTheDocsExample() throws Exception {
    KafkaSupervisorSpec spec = parse(DOCS_INPUT);
    JsonNode echo = MAPPER.valueToTree(spec);
    assertEquals(List.of("type", "spec", "dataSchema", "tuningConfig", "ioConfig", "context", "suspended"), keys(echo));
    assertEquals("kafka", echo.get("type").asText());
    assertEquals(List.of("dataSchema", "ioConfig", "tuningConfig"), keys(echo.get("spec")));
    for (String part : List.of("dataSchema", "ioConfig", "tuningConfig")) {
      assertEquals(echo.get(part), echo.get("spec").get(part), part + " is echoed twice, identically");
    }
    assertTrue(echo.get("context").isNull());
    assertFalse(echo.get("suspended").asBoolean());
    assertEquals(DOCS_IO_ECHO, MAPPER.writeValueAsString(echo.get("ioConfig")));
    assertEquals(DOCS_SCHEMA_ECHO, MAPPER.writeValueAsString(echo.get("dataSchema")));
    assertEquals(MAPPER.writeValueAsString(io.kafkaindexing.indexing.kafka.KafkaTuningConfig.defaults()),
        MAPPER.writeValueAsString(echo.get("tuningConfig")));
    assertEquals("kafka", echo.get("tuningConfig").get("type").asText());
    assertEquals(900000, echo.get("tuningConfig").get("handoffConditionTimeout").asInt());
  }

  @Test
  void seedEchoMirrorsAndExpands() {
    JsonNode echo = MAPPER.valueToTree(parse(SEED));
    JsonNode io = echo.get("ioConfig");
    assertFalse(io.has("type"), "ioConfig echo has no type, as in Druid's docs");
    assertEquals("metrics", io.get("stream").asText());
    assertFalse(io.get("useEarliestSequenceNumber").asBoolean());
    assertEquals("PT3600S", io.get("taskDuration").asText());
    assertEquals("PT5S", io.get("startDelay").asText());
    assertEquals("PT30S", io.get("period").asText());
    assertEquals("PT1800S", io.get("completionTimeout").asText());
    assertTrue(io.get("pollTimeout").isNumber());
    assertEquals(100, io.get("pollTimeout").asInt());
    assertTrue(io.get("inputFormat").isNull(), "the legacy form has no ioConfig.inputFormat");
    JsonNode dims = echo.get("dataSchema").get("dimensionsSpec").get("dimensions");
    assertEquals("{\"type\":\"string\",\"name\":\"user\",\"multiValueHandling\":\"SORTED_ARRAY\","
        + "\"createBitmapIndex\":true}", dims.get(1).toString());
    assertEquals(100000, echo.get("tuningConfig").get("maxRowsInMemory").asInt());
    assertEquals("string", echo.get("dataSchema").get("parser").get("type").asText(), "the parser is echoed");
  }

  @Test
  void roundTripGivesAnEqualSpec() throws Exception {
    for (String input : List.of(SEED, seedWithInputFormat(), DOCS_INPUT)) {
      KafkaSupervisorSpec spec = parse(input);
      String json = MAPPER.writeValueAsString(spec);
      SupervisorSpec again = SupervisorTestSupport.parse(MAPPER, json);
      assertEquals(spec, again);
      assertEquals(spec.hashCode(), again.hashCode());
      assertEquals(json, MAPPER.writeValueAsString(again), "the echo is stable");
    }
  }

  @Test
  void durationsAndCountsAreRead() {
    KafkaSupervisorSpec spec = parse(edit(SEED, s -> io(s).put("taskCount", "3").put("replicas", 2)
        .put("taskDuration", "PT10M").put("startDelay", "PT0S").put("period", "PT1S").put("completionTimeout", "P1D")
        .put("pollTimeout", 250).put("useEarliestOffset", true).put("lateMessageRejectionPeriod", "PT1H")
        .put("earlyMessageRejectionPeriod", "PT2H")));
    KafkaSupervisorIOConfig io = spec.getIoConfig();
    assertEquals(3, io.getTaskCount());
    assertEquals(2, io.getReplicas());
    assertEquals(Duration.standardMinutes(10), io.getTaskDuration());
    assertEquals(Duration.ZERO, io.getStartDelay());
    assertEquals(Duration.standardDays(1), io.getCompletionTimeout());
    assertEquals(250L, io.getPollTimeout());
    assertTrue(io.isUseEarliestOffset());
    JsonNode echo = MAPPER.valueToTree(io);
    assertEquals("PT600S", echo.get("taskDuration").asText());
    assertEquals("PT86400S", echo.get("completionTimeout").asText());
    assertEquals("PT1H", echo.get("lateMessageRejectionPeriod").asText());
    assertTrue(echo.get("useEarliestSequenceNumber").asBoolean());
  }

  @Test
  void validationErrorsNameTheField() {
    String required = "ioConfig.topic (or ioConfig.topicPattern) is required";
    assertEquals(required, fail(edit(SEED, s -> io(s).remove("topic"))).getMessage());
    assertEquals(required, fail(edit(SEED, s -> io(s).put("topic", " "))).getMessage());
    assertEquals("ioConfig.topic and ioConfig.topicPattern cannot both be set",
        fail(edit(SEED, s -> io(s).put("topicPattern", "metrics.*"))).getMessage());
    assertEquals("ioConfig.topicPattern[metrics(] is not a valid regular expression: Unclosed group",
        fail(edit(SEED, s -> io(s).put("topicPattern", "metrics(").remove("topic"))).getMessage());
    assertEquals("ioConfig.consumerProperties must contain entry for [bootstrap.servers]",
        fail(edit(SEED, s -> ((ObjectNode) io(s).get("consumerProperties")).remove("bootstrap.servers"))).getMessage());
    assertEquals("ioConfig.consumerProperties is required",
        fail(edit(SEED, s -> io(s).remove("consumerProperties"))).getMessage());
    assertEquals("ioConfig.taskCount must be at least 1, got[0]",
        fail(edit(SEED, s -> io(s).put("taskCount", 0))).getMessage());
    assertEquals("ioConfig.replicas must be at least 1, got[-1]",
        fail(edit(SEED, s -> io(s).put("replicas", -1))).getMessage());
    assertEquals("ioConfig.taskDuration[P1M] must be a fixed length of time (no months or years)",
        fail(edit(SEED, s -> io(s).put("taskDuration", "P1M"))).getMessage());
    assertEquals("ioConfig.startDelay must not be negative, got[PT-5S]",
        fail(edit(SEED, s -> io(s).put("startDelay", "PT-5S"))).getMessage());
    assertEquals("ioConfig.type[kinesis] is not supported: use \"kafka\"",
        fail(edit(SEED, s -> io(s).put("type", "kinesis"))).getMessage());
    assertEquals("ioConfig.lateMessageRejectionPeriod and ioConfig.lateMessageRejectionStartDateTime cannot both be set",
        fail(edit(SEED, s -> io(s).put("lateMessageRejectionPeriod", "PT1H")
            .put("lateMessageRejectionStartDateTime", "2024-01-01T00:00:00Z"))).getMessage());
    assertEquals("dataSchema is required in the supervisor spec", fail(edit(SEED, s -> s.remove("dataSchema")))
        .getMessage());
    assertEquals("ioConfig is required in the supervisor spec", fail(edit(SEED, s -> s.remove("ioConfig")))
        .getMessage());
    assertEquals("ioConfig.inputFormat is required (or a legacy dataSchema.parser)",
        fail(edit(seedWithInputFormat(), s -> io(s).remove("inputFormat"))).getMessage());
    assertTrue(fail(edit(SEED, s -> ((ObjectNode) s.get("dataSchema")).remove("dataSource"))).getMessage()
        .startsWith("dataSchema.dataSource is required"));
  }

  @Test
  void topicPatternIsTheStreamAndIsEchoed() throws Exception {
    KafkaSupervisorSpec spec = (KafkaSupervisorSpec) SupervisorTestSupport.parse(MAPPER,
        edit(SEED, s -> io(s).put("topicPattern", "metrics-.*").remove("topic")));
    assertEquals("metrics-.*", spec.getIoConfig().getStream());
    assertEquals("metrics-.*", spec.getSource());
    assertTrue(spec.getIoConfig().isMultiTopic());
    JsonNode echo = MAPPER.readTree(MAPPER.writeValueAsString(spec)).get("ioConfig");
    assertEquals("metrics-.*", echo.get("topicPattern").asText());
    assertEquals("metrics-.*", echo.get("stream").asText());
    assertTrue(!echo.has("multiTopic"), echo.toString());
  }

  @Test
  void valuesOfTheWrongTypeNameTheFieldPath() {
    DruidException e = fail(edit(SEED, s -> io(s).put("taskCount", "many")));
    assertTrue(e.getMessage().startsWith("Invalid value for field[ioConfig.taskCount] in the supervisor spec: "),
        e.getMessage());
    DruidException duration = fail(edit(SEED, s -> io(s).put("taskDuration", "one hour")));
    assertTrue(duration.getMessage().startsWith("Invalid value for field[ioConfig.taskDuration]"),
        duration.getMessage());
    DruidException nested = fail(edit(SEED, s -> {
      ObjectNode inner = MAPPER.createObjectNode();
      inner.set("ioConfig", s.remove("ioConfig"));
      ((ObjectNode) inner.get("ioConfig")).put("replicas", "two");
      s.set("spec", inner);
    }));
    assertTrue(nested.getMessage().startsWith("Invalid value for field[spec.ioConfig.replicas]"), nested.getMessage());
  }

  @Test
  void suspendedAndContextAreKept() throws Exception {
    KafkaSupervisorSpec spec = parse(edit(SEED, s -> {
      s.put("suspended", true);
      s.putObject("context").put("b", 1).put("a", "x");
    }));
    assertTrue(spec.isSuspended());
    JsonNode echo = MAPPER.valueToTree(spec);
    assertEquals(List.of("b", "a"), keys(echo.get("context")));
    assertTrue(echo.get("suspended").asBoolean());

    KafkaSupervisorSpec resumed = spec.withSuspended(false);
    assertFalse(resumed.isSuspended());
    assertNotEquals(spec, resumed);
    assertEquals(spec, resumed.withSuspended(true));
    assertEquals(spec.getContext(), resumed.getContext());
  }

  @Test
  void anyChangeMakesADifferentSpec() {
    KafkaSupervisorSpec seed = parse(SEED);
    assertNotEquals(seed, parse(edit(SEED, s -> io(s).put("taskCount", 2))));
    assertNotEquals(seed, parse(edit(SEED, s -> io(s).put("pollTimeout", 101))));
    assertNotEquals(seed, parse(edit(SEED, s -> ((ObjectNode) s.get("tuningConfig")).put("chatRetries", 1))));
    assertNotEquals(seed, parse(edit(SEED, s -> s.putObject("context").put("x", 1))));
    assertNotEquals(seed, parse(edit(SEED, s -> ((ObjectNode) io(s).get("consumerProperties")).put("x", "y"))));
    assertEquals(seed, parse(SEED));
  }

  @Test
  void toStringNeverShowsConsumerProperties() {
    KafkaSupervisorSpec spec = parse(edit(SEED, s -> ((ObjectNode) io(s).get("consumerProperties"))
        .put("security.protocol", "SASL_SSL").put("sasl.jaas.config", "password=\"hunter2\"")
        .put("ssl.truststore.password", "trust-pw").put("ssl.keystore.password", "store-pw")
        .put("ssl.key.password", "key-pw")));
    for (String secret : List.of("hunter2", "trust-pw", "store-pw", "key-pw")) {
      assertFalse(spec.toString().contains(secret), spec.toString());
      assertFalse(spec.getIoConfig().toString().contains(secret), spec.getIoConfig().toString());
    }
  }
}
