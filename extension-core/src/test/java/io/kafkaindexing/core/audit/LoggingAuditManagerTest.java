package io.kafkaindexing.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kafkaindexing.core.json.JsonMappers;
import java.util.List;
import org.joda.time.Interval;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code druid.audit.manager.type=log}: one log line per change at the configured level, nothing stored. */
class LoggingAuditManagerTest {
  @Test
  void logsEachChangeAtTheConfiguredLevel() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(LoggingAuditManager.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      LoggingAuditManager manager = new LoggingAuditManager(JsonMappers.create(List.of()),
          new AuditManagerConfig("log", null, null, null, "WARN"));
      manager.start();
      manager.doAudit(new AuditEvent("metrics-kafka", "supervisor", new AuditInfo("alice", null, "why", "10.0.0.9"),
          new RequestInfo("overlord", "POST", "/druid/indexer/v1/supervisor", null),
          "Update supervisor[metrics-kafka] for datasource[[metrics-kafka]]"));
      assertEquals(1, appender.list.size());
      ILoggingEvent e = appender.list.get(0);
      assertEquals(Level.WARN, e.getLevel());
      String line = e.getFormattedMessage();
      for (String part : List.of("author[alice]", "ip[10.0.0.9]", "type[supervisor]", "key[metrics-kafka]",
          "comment[why]", "service=overlord", "\"Update supervisor[metrics-kafka] for datasource[[metrics-kafka]]\"")) {
        assertTrue(line.contains(part), part + " in " + line);
      }
      assertEquals(List.of(), manager.fetchAuditHistory("metrics-kafka", "supervisor", (Interval) null));
      assertEquals(List.of(), manager.fetchAuditHistory(null, "supervisor", 5));
    } finally {
      logger.detachAppender(appender);
    }
  }
}
