package io.kafkaindexing.segment.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.segment.SegmentJacksonModule;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.incremental.IncrementalIndexSchema;
import io.kafkaindexing.segment.read.Cursor;
import io.kafkaindexing.segment.read.SegmentView;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.junit.jupiter.api.Test;

/** First/last/any aggregators at ingestion (rollup) and over their stored pairs, and their JSON. */
class FirstLastAnyAggregatorsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new SegmentJacksonModule());

  private static MapBasedInputRow row(long time, Object v, String s) {
    Map<String, Object> event = new HashMap<>();
    event.put("v", v);
    event.put("s", s);
    event.put("d", "x");
    return new MapBasedInputRow(time, List.of("d"), event);
  }

  @Test
  void rollupKeepsTheEarliestAndLatestRowsValues() throws Exception {
    IncrementalIndex index = new IncrementalIndex(IncrementalIndexSchema.builder()
        .queryGranularity(Granularities.HOUR).dimensionsSpec(DimensionsSpec.of(List.of("d")))
        .metrics(new LongFirstAggregatorFactory("first", "v", null), new LongLastAggregatorFactory("last", "v", null),
            new StringFirstAggregatorFactory("sfirst", "s", null, 3), new DoubleAnyAggregatorFactory("any", "v"))
        .rollup(true).build());
    index.add(row(2000, 20, "bbbb"));
    index.add(row(1000, null, "aaaa"));
    index.add(row(3000, 30, "cccc"));
    index.add(row(3000, 31, "dddd"));
    try (SegmentView view = index.open()) {
      assertEquals(1, view.getNumRows());
      Cursor cursor = view.makeCursor(new Interval(0, 10_000, DateTimeZone.UTC));
      var columns = cursor.getColumnSelectorFactory();
      SerializablePair first = (SerializablePair) columns.makeColumnValueSelector("first").getObject();
      assertEquals(new SerializablePair(1000, null), first, "the earliest row's null is kept");
      assertEquals(new SerializablePair(3000, 31L), columns.makeColumnValueSelector("last").getObject(),
          "on equal times the last row seen wins");
      assertEquals(new SerializablePair(1000, "aaa"), columns.makeColumnValueSelector("sfirst").getObject());
      assertEquals(20.0, columns.makeColumnValueSelector("any").getObject());
      assertEquals("{\"lhs\":3000,\"rhs\":31}", MAPPER.writeValueAsString(columns.makeColumnValueSelector("last")
          .getObject()));

      Aggregator overPairs = new LongFirstAggregatorFactory("x", "first", null).factorize(columns);
      overPairs.aggregate();
      assertNull(new LongFirstAggregatorFactory("x", "first", null).finalizeComputation(overPairs.get()));
    }
  }

  @Test
  void combineAndJson() throws Exception {
    AggregatorFactory last = MAPPER.readValue("{\"type\":\"doubleLast\",\"name\":\"l\",\"fieldName\":\"v\"}",
        AggregatorFactory.class);
    assertEquals(new SerializablePair(5, 2.0), last.combine(new SerializablePair(4, 1.0), new SerializablePair(5, 2.0)));
    assertEquals(2.0, last.finalizeComputation(new SerializablePair(5, 2.0)));
    assertEquals("{\"type\":\"doubleLast\",\"name\":\"l\",\"fieldName\":\"v\",\"timeColumn\":\"__time\"}",
        MAPPER.writeValueAsString(last));
    AggregatorFactory any = MAPPER.readValue("{\"type\":\"stringAny\",\"name\":\"a\",\"fieldName\":\"s\"}",
        AggregatorFactory.class);
    assertEquals("x", any.combine(null, "x"));
    assertEquals("{\"type\":\"stringAny\",\"name\":\"a\",\"fieldName\":\"s\",\"maxStringBytes\":1024,"
        + "\"aggregateMultipleValues\":true}", MAPPER.writeValueAsString(any));
  }

  @Test
  void firstLastAndAnyTakeFieldNameAndNoExpressionAsDruidDocumentsThem() throws Exception {
    // As the process mapper (JsonMappers) reads specs: unknown fields are ignored, as in Druid.
    ObjectMapper process = new ObjectMapper().registerModule(new SegmentJacksonModule())
        .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    for (String type : List.of("longFirst", "doubleLast", "stringFirst", "floatAny", "stringAny")) {
      AggregatorFactory f = process.readValue("{\"type\":\"" + type + "\",\"name\":\"f\",\"fieldName\":\"v\","
          + "\"expression\":\"v + 1\"}", AggregatorFactory.class);
      assertEquals("v", process.readTree(process.writeValueAsString(f)).get("fieldName").asText(), type);
      assertNull(process.readTree(process.writeValueAsString(f)).get("expression"), "ignored like any unknown field");
      Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> process.readValue(
          "{\"type\":\"" + type + "\",\"name\":\"f\",\"expression\":\"v + 1\"}", AggregatorFactory.class));
      org.junit.jupiter.api.Assertions.assertTrue(
          e.getMessage().contains("Aggregator[f] of type[" + type + "] must have a fieldName"), e.getMessage());
    }
  }
}
