package io.kafkaindexing.indexing.kafka;

import io.kafkaindexing.indexing.appenderator.StreamAppenderator;
import io.kafkaindexing.indexing.input.InputFormat;
import io.kafkaindexing.indexing.input.InputRowParser;
import io.kafkaindexing.indexing.input.ParseException;
import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.indexing.task.RowIngestionMeters;
import io.kafkaindexing.indexing.task.TaskStatus;
import io.kafkaindexing.indexing.task.TaskToolbox;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.WakeupException;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read loop of one {@link KafkaIndexTask}: assign the task's partitions, seek to the start
 * offsets, poll, parse each record into rows and add them to the appenderator, advancing the
 * current offset of each partition after its record is indexed. A partition is done when it
 * reaches its end offset; the task succeeds when all are done or it is stopped.
 *
 * <p>Threading: {@link #run} runs on the task thread; {@link #stop}, {@link #currentOffsets} and
 * {@link #startTime} may be called from any thread.
 */
public final class KafkaIndexTaskRunner {
  private static final Logger log = LoggerFactory.getLogger(KafkaIndexTaskRunner.class);

  private final KafkaIndexTask task;
  private final RowIngestionMeters meters = new RowIngestionMeters();
  /** Next offset to read per partition; written by the task thread only. */
  private final Map<Integer, Long> currentOffsets = new ConcurrentSkipListMap<>();
  private volatile boolean stopRequested;
  private volatile DateTime startTime;
  /** Set once the consumer exists so that {@link #stop} can wake a blocked poll. */
  private volatile KafkaRecordSupplier supplier;

  KafkaIndexTaskRunner(KafkaIndexTask task) {
    this.task = task;
    currentOffsets.putAll(task.getIoConfig().getStartSequenceNumbers().getPartitionOffsetMap());
  }

  public Map<Integer, Long> currentOffsets() {
    return Map.copyOf(currentOffsets);
  }

  public DateTime startTime() {
    return startTime;
  }

  public RowIngestionMeters meters() {
    return meters;
  }

  void stop() {
    stopRequested = true;
    KafkaRecordSupplier s = supplier;
    if (s != null) {
      s.wakeup();
    }
  }

  TaskStatus run(TaskToolbox toolbox) {
    startTime = DateTime.now(DateTimeZone.UTC);
    KafkaIndexTaskIOConfig io = task.getIoConfig();
    DataSchema schema = task.getDataSchema();
    InputRowParser parser = new InputRowParser(schema.getTimestampSpec(), schema.getDimensionsSpec(),
        schema.metricInputs());
    Map<Integer, Long> end = io.getEndSequenceNumbers().getPartitionOffsetMap();
    try (KafkaRecordSupplier records = new KafkaRecordSupplier(io.topic(), io.getConsumerProperties());
         StreamAppenderator appenderator = new StreamAppenderator(schema, io.getBaseSequenceName(),
             toolbox.segmentAllocator(), toolbox.segmentRegistry())) {
      supplier = records;
      records.assign(currentOffsets.keySet());
      currentOffsets.forEach(records::seek);
      log.info("Task[{}] reading topic[{}] from offsets {}", task.getId(), io.topic(), currentOffsets);
      while (!stopRequested && !allFinished(end)) {
        ConsumerRecords<byte[], byte[]> batch;
        try {
          batch = records.poll(Duration.ofMillis(io.getPollTimeout()));
        } catch (WakeupException e) {
          continue; // stop() woke the poll; the loop condition decides
        }
        for (ConsumerRecord<byte[], byte[]> record : batch) {
          index(record, end, io.getInputFormat(), parser, appenderator);
        }
      }
      log.info("Task[{}] stopping at offsets {}; rows {}", task.getId(), currentOffsets, meters.totals());
      return TaskStatus.success(task.getId());
    } catch (RuntimeException e) {
      log.error("Task[{}] failed", task.getId(), e);
      return TaskStatus.failure(task.getId(), e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      supplier = null;
    }
  }

  private boolean allFinished(Map<Integer, Long> end) {
    for (Map.Entry<Integer, Long> e : currentOffsets.entrySet()) {
      long stopAt = end.getOrDefault(e.getKey(), PartitionOffsets.UNBOUNDED);
      if (e.getValue() < stopAt) {
        return false;
      }
    }
    return true;
  }

  private void index(ConsumerRecord<byte[], byte[]> record, Map<Integer, Long> end, InputFormat format,
      InputRowParser parser, StreamAppenderator appenderator) {
    long stopAt = end.getOrDefault(record.partition(), PartitionOffsets.UNBOUNDED);
    if (record.offset() >= stopAt) {
      return;
    }
    meters.addProcessedBytes(record.value() == null ? 0 : record.value().length);
    try {
      for (Map<String, Object> raw : format.read(record.value())) {
        if (appenderator.add(parser.parse(raw)).hasParseErrors()) {
          meters.incrementProcessedWithError();
        } else {
          meters.incrementProcessed();
        }
      }
    } catch (ParseException e) {
      meters.incrementUnparseable();
      if (task.getTuningConfig().isLogParseExceptions()) {
        log.warn("Task[{}] unparseable record at partition[{}] offset[{}]: {}", task.getId(), record.partition(),
            record.offset(), e.getMessage());
      }
    } catch (IllegalArgumentException e) {
      // A row the index refuses (e.g. outside its interval); counted, never fatal.
      meters.incrementProcessedWithError();
      log.warn("Task[{}] could not index record at partition[{}] offset[{}]: {}", task.getId(), record.partition(),
          record.offset(), e.getMessage());
    }
    currentOffsets.put(record.partition(), record.offset() + 1);
  }
}
