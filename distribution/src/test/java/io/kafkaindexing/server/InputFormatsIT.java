package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.joda.time.DateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every input format against a real Kafka broker, as a user runs it: a topic per format, real
 * records produced with Kafka's producer (nested JSON, CSV with a header, TSV and regex lines,
 * keys, headers and a tombstone), a supervisor spec POSTed per data source, and the rows checked
 * through search queries and the task's report.
 */
class InputFormatsIT {
  private static final String TUNING = "\"tuningConfig\":{\"type\":\"kafka\"}";
  private static final String GRANULARITY =
      "\"granularitySpec\":{\"segmentGranularity\":\"hour\",\"queryGranularity\":\"none\",\"rollup\":false}";

  @TempDir
  static Path tmp;

  private static IngestionTestKit kit;

  @BeforeAll
  static void start() throws Exception {
    kit = IngestionTestKit.start(tmp);
  }

  @AfterAll
  static void stop() {
    if (kit != null) {
      kit.close();
    }
  }

  private static String ioConfig(String topic, String inputFormat) {
    return "\"ioConfig\":{\"topic\":\"" + topic + "\",\"consumerProperties\":{\"bootstrap.servers\":\"${bootstrap}\"},"
        + "\"useEarliestOffset\":true,\"startDelay\":\"PT0S\",\"period\":\"PT1S\""
        + (inputFormat == null ? "" : ",\"inputFormat\":" + inputFormat) + "}";
  }

  private static ProducerRecord<String, String> value(String topic, String value) {
    return new ProducerRecord<>(topic, value);
  }

  @Test
  void nestedJsonWithFlattenSpec() throws Exception {
    kit.createTopic("nested");
    kit.submit("{\"type\":\"kafka\",\"dataSchema\":{\"dataSource\":\"nested\","
        + "\"timestampSpec\":{\"column\":\"time\",\"format\":\"iso\"},"
        + "\"dimensionsSpec\":{\"dimensions\":[\"userName\",\"country\",\"city\",\"firstHit\","
        + "{\"type\":\"string\",\"name\":\"tags\",\"multiValueHandling\":\"SORTED_SET\"}]},"
        + GRANULARITY + "}," + TUNING + "," + ioConfig("nested", "{\"type\":\"json\",\"flattenSpec\":{"
        + "\"useFieldDiscovery\":true,\"fields\":["
        + "{\"type\":\"path\",\"name\":\"userName\",\"expr\":\"$.user.name\"},"
        + "{\"type\":\"jq\",\"name\":\"country\",\"expr\":\".geo.country\"},"
        + "{\"type\":\"tree\",\"name\":\"city\",\"nodes\":[\"geo\",\"city\"]},"
        + "{\"type\":\"path\",\"name\":\"firstHit\",\"expr\":\"$.hits[0].url\"}]}}") + "}", "nested");
    String task = kit.awaitTask("nested");
    kit.produce(List.of(
        value("nested", "{\"time\":\"2018-03-06T10:00:00Z\",\"user\":{\"name\":\"bob\"},"
            + "\"geo\":{\"country\":\"FR\",\"city\":\"Paris\"},\"hits\":[{\"url\":\"/a\"},{\"url\":\"/b\"}],"
            + "\"tags\":[\"b\",\"a\",\"b\"]}"),
        value("nested", "{\"time\":\"2018-03-06T10:00:01Z\",\"user\":{\"name\":\"ann\"},"
            + "\"geo\":{\"country\":\"FR\"},\"tags\":[]}\n{\"time\":\"2018-03-06T10:00:02Z\",\"user\":{},"
            + "\"geo\":{\"country\":\"JP\",\"city\":\"Tokyo\"},\"hits\":[{\"url\":\"/c\"}],\"tags\":\"x\"}")));
    kit.awaitSearch("nested", List.of("userName", "country", "city", "firstHit", "tags"), Map.ofEntries(
        Map.entry("userName=bob", 1), Map.entry("userName=ann", 1), Map.entry("userName=null", 1),
        Map.entry("country=FR", 2), Map.entry("country=JP", 1),
        Map.entry("city=Paris", 1), Map.entry("city=Tokyo", 1), Map.entry("city=null", 1),
        Map.entry("firstHit=/a", 1), Map.entry("firstHit=/c", 1), Map.entry("firstHit=null", 1),
        Map.entry("tags=a", 1), Map.entry("tags=b", 1), Map.entry("tags=x", 1), Map.entry("tags=null", 1)));
    JsonNode totals = kit.totals(task);
    assertEquals(3, totals.get("processed").asInt(), totals.toString());
    assertEquals(0, totals.get("unparseable").asInt(), totals.toString());
  }

  @Test
  void csvWithHeaderInEveryRecord() throws Exception {
    kit.createTopic("csv");
    kit.submit("{\"type\":\"kafka\",\"dataSchema\":{\"dataSource\":\"csv\","
        + "\"timestampSpec\":{\"column\":\"time\",\"format\":\"auto\"},\"dimensionsSpec\":{\"dimensions\":[]},"
        + GRANULARITY + "}," + TUNING + "," + ioConfig("csv", "{\"type\":\"csv\",\"findColumnsFromHeader\":true,"
        + "\"skipHeaderRows\":1,\"listDelimiter\":\"|\"}") + "}", "csv");
    String task = kit.awaitTask("csv");
    kit.produce(List.of(
        value("csv", "# export 1\ntime,page,tags\n2018-03-06 10:00:00,\"home, sweet\",a|b\n"
            + "2018-03-06 10:00:01,about,\n"),
        value("csv", "# export 2\ntime,page,tags\nnot-a-time,broken,x\n2018-03-06 10:00:02,home,c")));
    kit.awaitSearch("csv", List.of("page", "tags"), Map.of("page=home, sweet", 1, "page=about", 1, "page=home", 1,
        "tags=a", 1, "tags=b", 1, "tags=c", 1, "tags=null", 1));
    JsonNode totals = kit.awaitTotals(task, t -> t.get("unparseable").asInt() == 1);
    assertEquals(3, totals.get("processed").asInt(), totals.toString());
  }

  @Test
  void tsvThroughTheLegacyParserAndRegex() throws Exception {
    kit.createTopic("tsv");
    kit.submit("{\"type\":\"kafka\",\"dataSchema\":{\"dataSource\":\"tsv\",\"parser\":{\"type\":\"string\","
        + "\"parseSpec\":{\"format\":\"tsv\",\"delimiter\":\"|\",\"columns\":[\"ts\",\"user\",\"n\"],"
        + "\"timestampSpec\":{\"column\":\"ts\",\"format\":\"posix\"},\"dimensionsSpec\":{\"dimensions\":[\"user\","
        + "{\"type\":\"long\",\"name\":\"n\"}]}}}," + GRANULARITY + "}," + TUNING + "," + ioConfig("tsv", null) + "}",
        "tsv");
    kit.createTopic("regex");
    kit.submit("{\"type\":\"kafka\",\"dataSchema\":{\"dataSource\":\"regex\","
        + "\"timestampSpec\":{\"column\":\"when\",\"format\":\"yyyy-MM-dd HH:mm:ss\"},"
        + "\"dimensionsSpec\":{\"dimensions\":[\"level\",\"message\"]}," + GRANULARITY + "}," + TUNING + ","
        + ioConfig("regex", "{\"type\":\"regex\",\"pattern\":\"\\\\[(\\\\w+)\\\\] (\\\\S+ \\\\S+) (.*)\","
        + "\"columns\":[\"level\",\"when\",\"message\"]}") + "}", "regex");
    String tsvTask = kit.awaitTask("tsv");
    String regexTask = kit.awaitTask("regex");
    long t = new DateTime("2018-03-06T10:00:00Z").getMillis() / 1000;
    kit.produce(List.of(value("tsv", t + "|bob|7\n" + (t + 1) + "||8"), value("tsv", (t + 2) + "|ann|x")));
    kit.produce(List.of(value("regex", "[INFO] 2018-03-06 10:00:00 started\n[WARN] 2018-03-06 10:00:01 slow disk"),
        value("regex", "garbage line")));
    kit.awaitSearch("tsv", List.of("user"), Map.of("user=bob", 1, "user=ann", 1, "user=null", 1));
    JsonNode tsv = kit.awaitTotals(tsvTask, n -> n.get("processed").asInt() + n.get("processedWithError").asInt() == 3);
    assertEquals(1, tsv.get("processedWithError").asInt(), "n=x is not a long: " + tsv);
    kit.awaitSearch("regex", List.of("level", "message"), Map.of("level=INFO", 1, "level=WARN", 1,
        "message=started", 1, "message=slow disk", 1));
    JsonNode regex = kit.awaitTotals(regexTask, n -> n.get("unparseable").asInt() == 1);
    assertEquals(2, regex.get("processed").asInt(), regex.toString());
  }

  @Test
  void kafkaFormatWithKeysHeadersAndTombstones() throws Exception {
    kit.createTopic("events");
    kit.submit("{\"type\":\"kafka\",\"dataSchema\":{\"dataSource\":\"events\","
        + "\"timestampSpec\":{\"column\":\"kafka.timestamp\",\"format\":\"millis\"},"
        + "\"dimensionsSpec\":{\"dimensions\":[\"kafka.key\",\"kafka.header.env\",\"kafka.topic\",\"page\"]},"
        + GRANULARITY + "}," + TUNING + "," + ioConfig("events", "{\"type\":\"kafka\",\"valueFormat\":{\"type\":\"json\"},"
        + "\"headerFormat\":{\"type\":\"string\",\"encoding\":\"UTF-8\"},"
        + "\"keyFormat\":{\"type\":\"tsv\",\"findColumnsFromHeader\":false,\"columns\":[\"x\"]}}") + "}", "events");
    String task = kit.awaitTask("events");
    long t = new DateTime("2018-03-06T10:00:00Z").getMillis();
    ProducerRecord<String, String> first = new ProducerRecord<>("events", 0, t, "k1", "{\"page\":\"home\"}");
    first.headers().add(new RecordHeader("env", "prod".getBytes(StandardCharsets.UTF_8)));
    ProducerRecord<String, String> clash = new ProducerRecord<>("events", 0, t + 1, "k2",
        "{\"page\":\"about\",\"kafka.key\":\"from-payload\"}");
    clash.headers().add(new RecordHeader("env", "dev".getBytes(StandardCharsets.UTF_8)));
    ProducerRecord<String, String> tombstone = new ProducerRecord<>("events", 0, t + 2, "k3", (String) null);
    tombstone.headers().add(new RecordHeader("env", "gone".getBytes(StandardCharsets.UTF_8)));
    kit.produce(List.of(first, clash, tombstone));
    kit.awaitSearch("events", List.of("kafka.key", "kafka.header.env", "kafka.topic", "page"), Map.ofEntries(
        Map.entry("kafka.key=k1", 1), Map.entry("kafka.key=from-payload", 1), Map.entry("kafka.key=k3", 1),
        Map.entry("kafka.header.env=prod", 1), Map.entry("kafka.header.env=dev", 1),
        Map.entry("kafka.header.env=gone", 1), Map.entry("kafka.topic=events", 3),
        Map.entry("page=home", 1), Map.entry("page=about", 1), Map.entry("page=null", 1)));
    JsonNode totals = kit.totals(task);
    assertEquals(3, totals.get("processed").asInt(), "the tombstone is a row: " + totals);
    assertEquals(0, totals.get("thrownAway").asInt(), totals.toString());
  }

  @Test
  void dimensionsSpecFeatures() throws Exception {
    kit.createTopic("dims");
    kit.submit("{\"type\":\"kafka\",\"dataSchema\":{\"dataSource\":\"dims\","
        + "\"timestampSpec\":{\"column\":\"time\",\"format\":\"iso\"},"
        + "\"dimensionsSpec\":{\"dimensions\":[\"page\",{\"type\":\"long\",\"name\":\"n\"},"
        + "{\"type\":\"double\",\"name\":\"ratio\"},"
        + "{\"type\":\"string\",\"name\":\"ordered\",\"multiValueHandling\":\"ARRAY\"},"
        + "{\"type\":\"string\",\"name\":\"set\",\"multiValueHandling\":\"SORTED_SET\"},"
        + "{\"type\":\"string\",\"name\":\"plain\",\"createBitmapIndex\":false}],"
        + "\"dimensionExclusions\":[\"secret\"],\"includeAllDimensions\":true},"
        + "\"metricsSpec\":[{\"type\":\"count\",\"name\":\"count\"},"
        + "{\"type\":\"longSum\",\"name\":\"bytes\",\"fieldName\":\"size\"}],"
        + GRANULARITY + "}," + TUNING + "," + ioConfig("dims", "{\"type\":\"json\"}") + "}", "dims");
    kit.createTopic("auto");
    kit.submit("{\"type\":\"kafka\",\"dataSchema\":{\"dataSource\":\"auto\","
        + "\"timestampSpec\":{\"column\":\"time\",\"format\":\"iso\"},"
        + "\"dimensionsSpec\":{\"useSchemaDiscovery\":true}," + GRANULARITY + "}," + TUNING + ","
        + ioConfig("auto", "{\"type\":\"json\"}") + "}", "auto");
    String dimsTask = kit.awaitTask("dims");
    kit.awaitTask("auto");
    kit.produce(List.of(value("dims", "{\"time\":\"2018-03-06T10:00:00Z\",\"page\":\"a\",\"n\":\"12\","
        + "\"ratio\":0.5,\"ordered\":[\"z\",\"a\",\"z\"],\"set\":[\"z\",\"a\",\"z\"],\"plain\":\"p\","
        + "\"secret\":\"s\",\"extra\":\"e\",\"size\":100}"),
        value("dims", "{\"time\":\"2018-03-06T10:00:01Z\",\"page\":\"b\",\"n\":\"twelve\"}")));
    kit.produce(List.of(value("auto", "{\"time\":\"2018-03-06T10:00:00Z\",\"l\":1,\"d\":2,\"s\":3,"
        + "\"tags\":[\"x\",\"y\"]}"),
        value("auto", "{\"time\":\"2018-03-06T10:00:01Z\",\"l\":5,\"d\":2.5,\"s\":\"three\"}")));
    kit.awaitSearch("dims", List.of("page", "n", "ratio", "ordered", "set", "plain", "secret", "extra", "size"),
        Map.ofEntries(Map.entry("page=a", 1), Map.entry("page=b", 1), Map.entry("n=12", 1), Map.entry("n=null", 1),
            Map.entry("ratio=0.5", 1), Map.entry("ratio=null", 1), Map.entry("ordered=z", 1),
            Map.entry("ordered=a", 1), Map.entry("ordered=null", 1), Map.entry("set=a", 1), Map.entry("set=z", 1),
            Map.entry("set=null", 1), Map.entry("plain=p", 1), Map.entry("plain=null", 1),
            Map.entry("extra=e", 1), Map.entry("extra=null", 1),
            // excluded and metric input fields are no dimensions: searching them sees only nulls
            Map.entry("secret=null", 2), Map.entry("size=null", 2)));
    JsonNode totals = kit.awaitTotals(dimsTask, n -> n.get("processedWithError").asInt() == 1);
    assertEquals(1, totals.get("processed").asInt(), "n=twelve is not a long: " + totals);
    // Detected types: l stays long, d widens to double (2 is shown as 2.0), s widens to string.
    kit.awaitSearch("auto", List.of("l", "d", "s", "tags"), Map.ofEntries(Map.entry("l=1", 1), Map.entry("l=5", 1),
        Map.entry("d=2.0", 1), Map.entry("d=2.5", 1), Map.entry("s=3", 1), Map.entry("s=three", 1),
        Map.entry("tags=x", 1), Map.entry("tags=y", 1), Map.entry("tags=null", 1)));
  }

  @Test
  void invalidFormatsAreRefusedNamingTheField() throws Exception {
    String base = "{\"type\":\"kafka\",\"dataSchema\":{\"dataSource\":\"refused\","
        + "\"timestampSpec\":{\"column\":\"t\"}}," + TUNING + ",";
    Map<String, String> cases = Map.of(
        "{\"type\":\"json\",\"flattenSpec\":{\"fields\":[{\"type\":\"path\",\"name\":\"deep\","
            + "\"expr\":\"$['a','b']\"}]}}",
        "field[ioConfig.inputFormat.flattenSpec.fields[0]]: Unsupported JSONPath expression[$['a','b']]",
        "{\"type\":\"csv\"}", "Either [columns] or [findColumnsFromHeader] must be set",
        "{\"type\":\"regex\",\"pattern\":\"(x\"}", "inputFormat.pattern[(x] is not a valid regular expression",
        "{\"type\":\"kafka\",\"valueFormat\":{\"type\":\"json\"},\"headerFormat\":{\"type\":\"string\","
            + "\"encoding\":\"NOPE-8\"}}", "inputFormat.headerFormat.encoding[NOPE-8] is not supported");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Http.Response r = Http.post(kit.overlord + "/druid/indexer/v1/supervisor", base + ioConfig("refused", c.getKey())
          .replace("${bootstrap}", kit.bootstrapServers()) + "}");
      assertEquals(400, r.status(), r.body());
      String error = r.json().get("error").asText();
      org.junit.jupiter.api.Assertions.assertTrue(error.contains(c.getValue()), c.getKey() + " -> " + error);
    }
  }
}
