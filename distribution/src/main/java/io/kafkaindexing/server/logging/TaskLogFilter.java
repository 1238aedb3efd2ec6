package io.kafkaindexing.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Lets through only log events of a task's thread (those with the {@code taskId} MDC value the task
 * runner sets), so the per-task log files of {@code conf/logback.xml} hold their task's lines only.
 * Stateless.
 */
public final class TaskLogFilter extends Filter<ILoggingEvent> {
  public static final String MDC_KEY = "taskId";

  @Override
  public FilterReply decide(ILoggingEvent event) {
    String taskId = event.getMDCPropertyMap().get(MDC_KEY);
    return taskId == null || taskId.isEmpty() ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
