package io.kafkaindexing.core.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {
  @Test
  void categoriesMapToDruidsStatuses() {
    assertEquals(400, DruidException.Category.INVALID_INPUT.httpStatus());
    assertEquals(404, DruidException.Category.NOT_FOUND.httpStatus());
    assertEquals(429, DruidException.Category.CAPACITY_EXCEEDED.httpStatus());
    assertEquals(501, DruidException.Category.UNSUPPORTED.httpStatus());
    assertEquals(504, DruidException.Category.TIMEOUT.httpStatus());
    assertEquals(500, DruidException.internal(null, "x").httpStatus());
  }

  @Test
  void simpleShapeIsOneKey() {
    Response r = ErrorResponses.simple(DruidException.notFound("[%s] does not exist", "ds"));
    assertEquals(404, r.getStatus());
    assertEquals(Map.of("error", "[ds] does not exist"), r.getEntity());
  }

  @Test
  void fullShapeKeyOrder() {
    Map<String, Object> body = ErrorResponses.fullBody(DruidException.invalidInput("Field[%s] is bad", "x"));
    assertEquals(List.of("error", "errorCode", "persona", "category", "errorMessage", "context", "errorClass", "host"),
        new ArrayList<>(body.keySet()));
    assertEquals("druidException", body.get("error"));
    assertEquals("Field[x] is bad", body.get("errorMessage"));
  }

  @Test
  void legacyShapeFollowsDruidsCompatOrder() {
    DruidException e = DruidException.legacyQuery("Query timeout", DruidException.Category.TIMEOUT,
        "org.apache.druid.query.QueryTimeoutException", null, "too slow", null);
    Map<String, Object> body = ErrorResponses.fullBody(e);
    assertEquals(List.of("error", "errorClass", "host", "errorCode", "persona", "category", "errorMessage", "context"),
        new ArrayList<>(body.keySet()));
    assertEquals("Query timeout", body.get("error"));
    assertEquals("OPERATOR", body.get("persona"));
    @SuppressWarnings("unchecked")
    Map<String, String> context = (Map<String, String>) body.get("context");
    assertEquals(List.of("host", "errorClass", "legacyErrorCode"), new ArrayList<>(context.keySet()));
    assertEquals(504, ErrorResponses.full(e).getStatus());
  }
}
