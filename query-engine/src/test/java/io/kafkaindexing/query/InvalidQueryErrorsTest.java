package io.kafkaindexing.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.json.JsonBodies;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Invalid parts of every query type are refused as invalid input (HTTP 400) with a message naming
 * the field or the unknown type at fault.
 */
class InvalidQueryErrorsTest {
  private static final ObjectMapper MAPPER = QueryTestMapper.create();
  private static final String BASE = "\"dataSource\":\"ds\",\"intervals\":[\"2018/2019\"]";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"queryType\":\"timeseries\"," + BASE + "}|granularity",
      "{\"queryType\":\"timeseries\"," + BASE + ",\"granularity\":\"fortnight\"}|fortnight",
      "{\"queryType\":\"timeseries\"," + BASE + ",\"granularity\":\"all\",\"aggregations\":[{\"type\":\"bogusAgg\","
          + "\"name\":\"a\"}]}|bogusAgg",
      "{\"queryType\":\"timeseries\"," + BASE + ",\"granularity\":\"all\",\"aggregations\":[{\"type\":\"longSum\","
          + "\"name\":\"a\"}]}|fieldName",
      "{\"queryType\":\"timeseries\"," + BASE + ",\"granularity\":\"all\",\"postAggregations\":[{"
          + "\"type\":\"bogusPost\",\"name\":\"p\"}]}|bogusPost",
      "{\"queryType\":\"timeseries\"," + BASE + ",\"granularity\":\"all\",\"limit\":-1}|limit",
      "{\"queryType\":\"topN\"," + BASE + ",\"granularity\":\"all\",\"dimension\":\"d\",\"metric\":\"m\"}|threshold",
      "{\"queryType\":\"topN\"," + BASE + ",\"granularity\":\"all\",\"threshold\":3,\"metric\":\"m\"}|dimension",
      "{\"queryType\":\"topN\"," + BASE + ",\"granularity\":\"all\",\"threshold\":3,\"dimension\":\"d\"}|metric",
      "{\"queryType\":\"groupBy\"," + BASE + ",\"granularity\":\"all\",\"dimensions\":[{\"type\":\"extraction\","
          + "\"dimension\":\"d\",\"extractionFn\":{\"type\":\"bogusFn\"}}]}|bogusFn",
      "{\"queryType\":\"groupBy\"," + BASE + ",\"granularity\":\"all\",\"having\":{\"type\":\"bogusHaving\"}}"
          + "|bogusHaving",
      "{\"queryType\":\"groupBy\"," + BASE + ",\"granularity\":\"all\",\"limitSpec\":{\"type\":\"default\","
          + "\"limit\":0}}|limit",
      "{\"queryType\":\"groupBy\"," + BASE + ",\"granularity\":\"all\",\"dimensions\":[\"a\"],"
          + "\"subtotalsSpec\":[[\"b\"]]}|Subtotal",
      "{\"queryType\":\"scan\"," + BASE + ",\"resultFormat\":\"valueVector\"}|resultFormat",
      "{\"queryType\":\"scan\"," + BASE + ",\"order\":\"sideways\"}|order",
      "{\"queryType\":\"search\"," + BASE + ",\"query\":{\"type\":\"bogusSearch\"}}|bogusSearch",
      "{\"queryType\":\"timeBoundary\",\"dataSource\":\"ds\",\"bound\":\"middle\"}|bound",
      "{\"queryType\":\"segmentMetadata\",\"dataSource\":\"ds\",\"analysisTypes\":[\"bogus\"]}|analysisType",
      "{\"queryType\":\"timeseries\",\"dataSource\":{\"type\":\"query\"},\"intervals\":[\"2018/2019\"],"
          + "\"granularity\":\"all\"}|query",
  })
  void invalidPartsAre400NamingTheField(String json, String named) {
    DruidException e = assertThrows(DruidException.class,
        () -> JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query"));
    assertEquals(400, e.httpStatus(), e.getMessage());
    assertTrue(e.getMessage().contains(named), e.getMessage());
  }
}
