package io.kafkaindexing.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.error.ErrorResponses;
import org.junit.jupiter.api.Test;

class QueryDeadlineTest {
  @Test
  void passedTimeoutGivesDruidsTimeoutBody() throws Exception {
    QueryDeadline deadline = QueryDeadline.start("q", 1);
    long until = System.nanoTime() + 50_000_000L;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    DruidException e = assertThrows(DruidException.class, deadline::check);
    assertEquals(504, e.httpStatus());
    assertEquals("{\"error\":\"Query timeout\",\"errorClass\":\"org.apache.druid.query.QueryTimeoutException\","
        + "\"host\":null,\"errorCode\":\"legacyQueryException\",\"persona\":\"OPERATOR\",\"category\":\"TIMEOUT\","
        + "\"errorMessage\":\"Query did not complete within configured timeout period. You can increase query timeout "
        + "or tune the performance of query.\",\"context\":{\"host\":null,\"errorClass\":"
        + "\"org.apache.druid.query.QueryTimeoutException\",\"legacyErrorCode\":\"Query timeout\"}}",
        new ObjectMapper().writeValueAsString(ErrorResponses.fullBody(e)));
  }

  @Test
  void zeroTimeoutNeverPassesAndCancelStops() {
    QueryDeadline deadline = QueryDeadline.start("q", 0);
    deadline.check();
    deadline.cancel();
    DruidException e = assertThrows(DruidException.class, deadline::check);
    assertEquals(500, e.httpStatus());
    assertEquals("Query cancelled", e.context().get("legacyErrorCode"));
  }
}
