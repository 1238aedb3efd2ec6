package io.kafkaindexing.indexing.task;

import static io.kafkaindexing.indexing.input.TestMappers.format;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.indexing.input.InputEntity;
import io.kafkaindexing.indexing.input.InputRowParser;
import io.kafkaindexing.indexing.input.TestMappers;
import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.segment.incremental.IncrementalIndexAddResult;
import io.kafkaindexing.segment.row.InputRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;
import org.junit.jupiter.api.Test;

/**
 * The transformSpec in the row pipeline (format, parser with transforms, filter, counters), with
 * the data and spec of Druid's transform tutorial: its documented outcome is that lion is filtered
 * out and the others are ingested with {@code animal} prefixed and {@code triple-number} added.
 */
class TransformPipelineTest {
  private static final String TUTORIAL_SCHEMA = "{\"dataSource\":\"transform-tutorial\","
      + "\"timestampSpec\":{\"column\":\"timestamp\",\"format\":\"iso\"},"
      + "\"dimensionsSpec\":{\"dimensions\":[\"animal\",{\"name\":\"location\",\"type\":\"long\"}]},"
      + "\"metricsSpec\":[{\"type\":\"count\",\"name\":\"count\"},"
      + "{\"type\":\"longSum\",\"name\":\"number\",\"fieldName\":\"number\"},"
      + "{\"type\":\"longSum\",\"name\":\"triple-number\",\"fieldName\":\"triple-number\"}],"
      + "\"transformSpec\":{\"transforms\":["
      + "{\"type\":\"expression\",\"name\":\"animal\",\"expression\":\"concat('super-', animal)\"},"
      + "{\"type\":\"expression\",\"name\":\"triple-number\",\"expression\":\"number * 3\"}],"
      + "\"filter\":{\"type\":\"or\",\"fields\":["
      + "{\"type\":\"selector\",\"dimension\":\"animal\",\"value\":\"super-mongoose\"},"
      + "{\"type\":\"selector\",\"dimension\":\"triple-number\",\"value\":\"300\"},"
      + "{\"type\":\"selector\",\"dimension\":\"location\",\"value\":\"3\"}]}}}";

  private final RowIngestionMeters meters = new RowIngestionMeters();
  private final List<InputRow> indexed = new ArrayList<>();
  private ParseExceptionHandler handler;
  private long offset;

  private RecordProcessor processor(String schemaJson) {
    DataSchema schema = JsonBodies.read(TestMappers.mapper(), schemaJson.getBytes(StandardCharsets.UTF_8),
        DataSchema.class, "dataSchema");
    InputRowParser parser = new InputRowParser(schema.getTimestampSpec(), schema.getDimensionsSpec(),
        schema.metricFields(), schema.getTransformSpec().getTransforms());
    RecordProcessor.RowFilter filter = schema.getTransformSpec().getFilter() == null ? RecordProcessor.RowFilter.ACCEPT_ALL
        : new TransformFilter(schema.getTransformSpec().getFilter(), schema.getDimensionsSpec());
    handler = new ParseExceptionHandler("task", meters, true, Integer.MAX_VALUE, 10,
        () -> 1000 + offset);
    return new RecordProcessor(format("{'type':'json'}"), parser, filter, row -> {
      indexed.add(row);
      return IncrementalIndexAddResult.NO_PARSE_ERRORS;
    }, meters, handler);
  }

  private void send(RecordProcessor p, String value) {
    p.process(new InputEntity("topic", 0, offset++, 0L, null, value.getBytes(StandardCharsets.UTF_8), List.of()));
  }

  private static long millis(String iso) {
    return new DateTime(iso).getMillis();
  }

  @Test
  void druidsTransformTutorial() {
    RecordProcessor p = processor(TUTORIAL_SCHEMA);
    send(p, "{\"timestamp\":\"2018-01-01T07:01:35Z\",\"animal\":\"octopus\", \"location\":1, \"number\":100}");
    send(p, "{\"timestamp\":\"2018-01-01T05:01:35Z\",\"animal\":\"mongoose\", \"location\":2,\"number\":200}");
    send(p, "{\"timestamp\":\"2018-01-01T06:01:35Z\",\"animal\":\"snake\", \"location\":3, \"number\":300}");
    send(p, "{\"timestamp\":\"2018-01-01T01:01:35Z\",\"animal\":\"lion\", \"location\":4, \"number\":300}");
    assertEquals(3, indexed.size());
    assertEquals(List.of("super-octopus", "super-mongoose", "super-snake"),
        indexed.stream().map(r -> r.getRaw("animal")).toList());
    assertEquals(List.of(300L, 600L, 900L), indexed.stream().map(r -> r.getRaw("triple-number")).toList());
    assertEquals(List.of(100L, 200L, 300L), indexed.stream().map(r -> ((Number) r.getRaw("number")).longValue())
        .toList(), "inputs that are not shadowed stay as they were");
    assertEquals(millis("2018-01-01T07:01:35Z"), indexed.get(0).getTimestampFromEpoch());
    assertEquals(List.of("animal", "location"), indexed.get(0).getDimensions());
    Map<String, Object> totals = meters.totals();
    assertEquals(3L, totals.get("processed"));
    assertEquals(1L, totals.get("thrownAway"));
    assertEquals(Map.of("filtered", 1L), totals.get("thrownAwayByReason"));
  }

  @Test
  void transformsCanReplaceTheTimeAndAreDiscoveredAsDimensions() {
    RecordProcessor p = processor("{\"dataSource\":\"ds\",\"timestampSpec\":{\"column\":\"ts\",\"format\":\"iso\"},"
        + "\"transformSpec\":{\"transforms\":["
        + "{\"type\":\"expression\",\"name\":\"__time\",\"expression\":\"timestamp_floor(__time, 'PT1H') + 60000\"},"
        + "{\"type\":\"expression\",\"name\":\"ts\",\"expression\":\"'shadowed'\"},"
        + "{\"type\":\"expression\",\"name\":\"len\",\"expression\":\"strlen(page)\"},"
        + "{\"type\":\"expression\",\"name\":\"page\",\"expression\":\"upper(page)\"}],"
        + "\"filter\":{\"type\":\"expression\",\"expression\":\"len > 1\"}}}");
    send(p, "{\"ts\":\"2018-03-06T10:37:12Z\",\"page\":\"home\"}");
    send(p, "{\"ts\":\"2018-03-06T11:00:00Z\",\"page\":\"x\"}");        // len 1: filtered
    send(p, "{\"ts\":\"2018-03-06T12:00:00Z\"}");                        // len null: unknown, filtered
    send(p, "{\"ts\":\"2018-03-06T13:00:00Z\",\"page\":\"about\",\"extra\":true}");
    assertEquals(2, indexed.size());
    InputRow first = indexed.get(0);
    assertEquals(millis("2018-03-06T10:01:00Z"), first.getTimestampFromEpoch(), "__time transform sets the time");
    assertEquals("HOME", first.getRaw("page"));
    assertEquals(4L, first.getRaw("len"));
    assertEquals("shadowed", first.getRaw("ts"), "shadowing the timestamp column does not move the time");
    assertEquals(List.of("page", "len"), first.getDimensions(),
        "transform outputs are discovered; the timestamp column and __time are not dimensions");
    assertEquals(List.of("page", "extra", "len"), indexed.get(1).getDimensions());
    assertEquals(Map.of("filtered", 2L), meters.totals().get("thrownAwayByReason"));
  }

  @Test
  void multiValueInputsAreMappedValueByValue() {
    RecordProcessor p = processor("{\"dataSource\":\"ds\",\"timestampSpec\":{\"column\":\"ts\",\"format\":\"iso\"},"
        + "\"dimensionsSpec\":{\"dimensions\":[\"tags\",\"pairs\"]},"
        + "\"transformSpec\":{\"transforms\":["
        + "{\"type\":\"expression\",\"name\":\"tags\",\"expression\":\"upper(tags)\"},"
        + "{\"type\":\"expression\",\"name\":\"pairs\",\"expression\":\"concat(tags, other)\"}]}}");
    send(p, "{\"ts\":\"2018-03-06T10:00:00Z\",\"tags\":[\"a\",\"b\"],\"other\":[\"1\",\"2\"]}");
    send(p, "{\"ts\":\"2018-03-06T10:00:00Z\",\"tags\":[\"c\"],\"other\":\"3\"}");
    assertEquals(List.of("A", "B"), indexed.get(0).getRaw("tags"));
    assertEquals(List.of("a1", "a2", "b1", "b2"), indexed.get(0).getRaw("pairs"), "several inputs: every combination");
    assertEquals("C", indexed.get(1).getRaw("tags"), "a one-value list is a scalar");
    assertEquals("c3", indexed.get(1).getRaw("pairs"));
  }

  @Test
  void failingTransformsMakeTheRowUnparseable() {
    RecordProcessor p = processor("{\"dataSource\":\"ds\",\"timestampSpec\":{\"column\":\"ts\",\"format\":\"iso\"},"
        + "\"transformSpec\":{\"transforms\":["
        + "{\"type\":\"expression\",\"name\":\"ratio\",\"expression\":\"a / b\"},"
        + "{\"type\":\"expression\",\"name\":\"__time\",\"expression\":\"if(b == 1, 'not a time', __time)\"}]}}");
    send(p, "{\"ts\":\"2018-03-06T10:00:00Z\",\"a\":7,\"b\":2}");
    send(p, "{\"ts\":\"2018-03-06T10:00:00Z\",\"a\":7,\"b\":0}");
    send(p, "{\"ts\":\"2018-03-06T10:00:00Z\",\"a\":7,\"b\":1}");
    assertEquals(1, indexed.size());
    assertEquals(3L, indexed.get(0).getRaw("ratio"), "long division");
    Map<String, Object> totals = meters.totals();
    assertEquals(1L, totals.get("processed"));
    assertEquals(2L, totals.get("unparseable"));
    String messages = String.valueOf(handler.savedReports());
    assertTrue(messages.contains("Could not transform value for field[ratio]: Division by zero"), messages);
    assertTrue(messages.contains("Could not transform value for __time: transform[__time] gave[not a time]"),
        messages);
    RecordProcessor numericString = processor("{\"dataSource\":\"ds\",\"timestampSpec\":{\"column\":\"ts\","
        + "\"format\":\"iso\"},\"transformSpec\":{\"transforms\":[{\"type\":\"expression\",\"name\":\"__time\","
        + "\"expression\":\"concat(__time + 1000, '')\"}]}}");
    send(numericString, "{\"ts\":\"2018-03-06T10:00:00Z\"}");
    assertEquals(millis("2018-03-06T10:00:01Z"), indexed.get(1).getTimestampFromEpoch(),
        "a numeric string is a time");
  }
}
