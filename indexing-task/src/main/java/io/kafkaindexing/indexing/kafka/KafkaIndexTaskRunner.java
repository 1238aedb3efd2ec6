package io.kafkaindexing.indexing.kafka;

import io.kafkaindexing.indexing.appenderator.PersistConfig;
import io.kafkaindexing.indexing.appenderator.StreamAppenderator;
import io.kafkaindexing.indexing.input.InputEntity;
import io.kafkaindexing.indexing.input.InputFormat;
import io.kafkaindexing.indexing.input.InputRowParser;
import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.indexing.task.IngestionState;
import io.kafkaindexing.indexing.task.MaxParseExceptionsExceededException;
import io.kafkaindexing.indexing.task.ParseExceptionHandler;
import io.kafkaindexing.indexing.task.RecordProcessor;
import io.kafkaindexing.indexing.task.TransformFilter;
import io.kafkaindexing.query.filter.DimFilter;
import io.kafkaindexing.indexing.task.RowIngestionMeters;
import io.kafkaindexing.indexing.task.TaskReports;
import io.kafkaindexing.indexing.task.TaskStatus;
import io.kafkaindexing.indexing.task.TaskToolbox;
import io.kafkaindexing.indexing.task.ThrownAwayReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read loop of one {@link KafkaIndexTask}: assign the task's partitions, seek to the start
 * offsets, poll, hand each record to a {@link RecordProcessor} (which parses, filters, indexes and
 * counts it; parsing may run ahead on the {@link ReadAhead} workers), and advance the current offset
 * of each partition after its record is processed. A
 * partition is done when it reaches its end offset; the task succeeds when all are done or it is
 * stopped, and fails when {@code maxParseExceptions} is exceeded, saying why. Keeps the row
 * counters, saved parse exceptions and ingestion state for the task's live and completion reports.
 *
 * <p>Threading: {@link #run} runs on the task thread; {@link #stop}, {@link #currentOffsets},
 * {@link #startTime} and the report methods may be called from any thread.
 */
public final class KafkaIndexTaskRunner {
  private static final Logger log = LoggerFactory.getLogger(KafkaIndexTaskRunner.class);

  private final KafkaIndexTask task;
  private final RowIngestionMeters meters = new RowIngestionMeters();
  private final ParseExceptionHandler parseExceptions;
  /** Next offset to read per partition; written by the task thread only. */
  private final Map<KafkaPartition, Long> currentOffsets = new ConcurrentSkipListMap<>();
  /** Records read per partition (Druid's {@code recordsProcessed}); written by the task thread only. */
  private final Map<KafkaPartition, Long> recordsProcessed = new ConcurrentHashMap<>();
  private volatile boolean stopRequested;
  private volatile DateTime startTime;
  private volatile IngestionState ingestionState = IngestionState.NOT_STARTED;
  private volatile String errorMsg;
  private volatile boolean finished;
  /** Why the task asked to hand off early (see {@link HandoffTrigger}); null while it has not. */
  private volatile String handoffReason;
  /** Set once the consumer exists so that {@link #stop} can wake a blocked poll. */
  private volatile KafkaRecordSupplier supplier;
  private final ReadControl control;
  /** Tests only: runs between sending a partition's dead letters and committing them. */
  private volatile DeadLetterProducer.CommitHook deadLetterHook = DeadLetterProducer.CommitHook.NONE;

  KafkaIndexTaskRunner(KafkaIndexTask task) {
    this.task = task;
    currentOffsets.putAll(task.getIoConfig().getStartSequenceNumbers().getPartitionOffsetMap());
    this.control = new ReadControl(task.getIoConfig().getEndSequenceNumbers().getPartitionOffsetMap());
    KafkaTuningConfig tuning = task.getTuningConfig();
    this.parseExceptions = new ParseExceptionHandler(task.getId(), meters, tuning.isLogParseExceptions(),
        tuning.getMaxParseExceptions(), tuning.getMaxSavedParseExceptions(), System::currentTimeMillis);
  }

  public Map<KafkaPartition, Long> currentOffsets() {
    return Map.copyOf(currentOffsets);
  }

  public DateTime startTime() {
    return startTime;
  }

  public RowIngestionMeters meters() {
    return meters;
  }

  public ParseExceptionHandler parseExceptions() {
    return parseExceptions;
  }

  public IngestionState ingestionState() {
    return ingestionState;
  }

  /** The live report while running, the completion report once the task ended. */
  public Map<String, Object> reports() {
    Map<String, Long> records = new TreeMap<>();
    recordsProcessed.forEach((p, n) -> records.put(String.valueOf(p), n));
    TaskReports.Snapshot snapshot = new TaskReports.Snapshot(task.getId(), ingestionState, meters, parseExceptions,
        errorMsg, records, task.getContext());
    return finished ? TaskReports.completion(snapshot) : TaskReports.live(snapshot);
  }

  /**
   * Pauses reading at a record boundary and returns the offsets read so far, or null if the task
   * did not pause within {@code timeoutMillis} (it may have ended).
   */
  public Map<KafkaPartition, Long> pause(long timeoutMillis) throws InterruptedException {
    return control.pause(timeoutMillis) ? currentOffsets() : null;
  }

  /**
   * Sets where reading ends (exclusive offsets per partition) and resumes; once every partition
   * reaches its end the task publishes its segments and offsets and hands them off.
   */
  public void setEndOffsets(Map<KafkaPartition, Long> endOffsets) {
    control.setEndOffsetsAndResume(endOffsets);
  }

  /**
   * Whether the task asked its supervisor to hand off early: a segment reached
   * {@code maxRowsPerSegment}, the task {@code maxTotalRows}, or {@code intermediateHandoffPeriod}
   * passed. The supervisor answers by finishing the task group (see {@link #setEndOffsets}).
   */
  public boolean handoffRequested() {
    return handoffReason != null;
  }

  public void resume() {
    control.resume();
  }

  /** The end offsets the task reads up to (exclusive); unbounded until the supervisor sets them. */
  public Map<KafkaPartition, Long> endOffsets() {
    return control.endOffsets();
  }

  /** Tests only: simulates a crash between sending dead letters and committing them (throw from the hook). */
  void beforeDeadLetterCommit(DeadLetterProducer.CommitHook hook) {
    deadLetterHook = hook;
  }

  void stop() {
    stopRequested = true;
    control.close();
    KafkaRecordSupplier s = supplier;
    if (s != null) {
      s.wakeup();
    }
  }

  /** Persisting per the tuning config into the task's directory; in memory only without one. */
  private PersistConfig persistConfig(TaskToolbox toolbox) {
    if (toolbox.taskDirectory() == null) {
      return PersistConfig.inMemoryOnly();
    }
    KafkaTuningConfig tuning = task.getTuningConfig();
    return new PersistConfig(tuning.getMaxRowsInMemory(), tuning.effectiveMaxBytesInMemory(),
        tuning.getIntermediatePersistPeriod().toStandardDuration().getMillis(),
        new java.io.File(toolbox.taskDirectory(), "persist"));
  }

  TaskStatus run(TaskToolbox toolbox) {
    startTime = DateTime.now(DateTimeZone.UTC);
    KafkaIndexTaskIOConfig io = task.getIoConfig();
    DataSchema schema = task.getDataSchema();
    try (KafkaRecordSupplier records = new KafkaRecordSupplier(io.topic(), io.isMultiTopic(),
        io.getConsumerProperties());
         StreamAppenderator appenderator = new StreamAppenderator(schema, io.getBaseSequenceName(),
             toolbox.segmentAllocator(), toolbox.segmentRegistry(), persistConfig(toolbox))) {
      DeadLetterProducer deadLetters = io.getDeadLetterTopic() == null ? null
          : new DeadLetterProducer(io.getDeadLetterTopic(), task.getId(), task.getDataSource(),
              io.getConsumerProperties(), deadLetterHook);
      supplier = records;
      RecordProcessor processor = new RecordProcessor(inputFormat(io, schema),
          new InputRowParser(schema.getTimestampSpec(), schema.getDimensionsSpec(), schema.metricFields(),
              schema.getTransformSpec().getTransforms()),
          rowFilter(io, schema), appenderator::add, meters, parseExceptions,
          deadLetters == null ? RecordProcessor.RejectionSink.NONE : deadLetters);
      records.assign(currentOffsets.keySet());
      currentOffsets.forEach(records::seek);
      ingestionState = IngestionState.BUILD_SEGMENTS;
      log.info("Task[{}] reading topic[{}] from offsets {}", task.getId(), io.topic(), currentOffsets);
      try (ReadAhead readAhead = new ReadAhead(processor, task.getTuningConfig().effectiveParseThreads(),
          task.getId())) {
        readUntilEnd(records, readAhead, processor, appenderator, deadLetters);
      }
      control.close();
      if (stopRequested) {
        log.info("Task[{}] shut down at offsets {} before publishing; rows {}; {} buffered dead letter(s) dropped",
            task.getId(), currentOffsets, meters.totals(), deadLetters == null ? 0 : deadLetters.buffered());
        ingestionState = IngestionState.COMPLETED;
        return TaskStatus.failure(task.getId(), "Shut down before publishing; the rows are read again by the next task");
      }
      log.info("Task[{}] reached its end offsets {}; rows {}", task.getId(), currentOffsets, meters.totals());
      TaskStatus status = new SegmentPublishing(task, toolbox, appenderator, deadLetters).publishAndHandOff(
          new PartitionOffsets(io.topic(), io.getStartSequenceNumbers().getPartitionOffsetMap()),
          new PartitionOffsets(io.topic(), currentOffsets()));
      errorMsg = status.getErrorMsg();
      ingestionState = IngestionState.COMPLETED;
      return status;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      errorMsg = "Interrupted";
      return TaskStatus.failure(task.getId(), errorMsg);
    } catch (MaxParseExceptionsExceededException e) {
      log.error("Task[{}] failed: {}", task.getId(), e.getMessage());
      errorMsg = e.getMessage();
      return TaskStatus.failure(task.getId(), errorMsg);
    } catch (RuntimeException e) {
      log.error("Task[{}] failed", task.getId(), e);
      errorMsg = e.getClass().getSimpleName() + ": " + e.getMessage();
      return TaskStatus.failure(task.getId(), errorMsg);
    } finally {
      supplier = null;
      control.close();
      finished = true;
    }
  }

  /**
   * Polls and indexes until every partition reaches its end offset or the task is stopped. The
   * records of a poll are read into rows by the {@link ReadAhead} workers while the rows of the
   * previous poll are indexed here; before pausing, finishing, or blocking in a poll that may return
   * nothing, everything read is indexed, so {@link #currentOffsets} covers exactly the rows indexed
   * whenever the supervisor or the publish looks at it.
   */
  private void readUntilEnd(KafkaRecordSupplier records, ReadAhead readAhead, RecordProcessor processor,
      StreamAppenderator appenderator, DeadLetterProducer deadLetters) throws InterruptedException {
    KafkaIndexTaskIOConfig io = task.getIoConfig();
    HandoffTrigger handoff = new HandoffTrigger(task.getTuningConfig(), startTime.getMillis());
    /* Next offset per partition handed to the read-ahead; ahead of currentOffsets while rows are in flight. */
    Map<KafkaPartition, Long> polledOffsets = new HashMap<>(currentOffsets);
    Consumer<List<ReadAhead.Read>> apply = chunk -> apply(chunk, processor);
    while (!stopRequested) {
      if (control.pauseRequested()) {
        readAhead.drain(apply);
        control.awaitIfPaused();
        continue;
      }
      Map<KafkaPartition, Long> end = control.endOffsets();
      if (allFinished(polledOffsets, end)) {
        readAhead.drain(apply);
        if (allFinished(currentOffsets, end)) {
          return;
        }
      }
      ConsumerRecords<byte[], byte[]> batch;
      try {
        // Rows in flight are never held back by a poll that waits for new records.
        batch = records.poll(readAhead.isEmpty() ? Duration.ofMillis(io.getPollTimeout()) : Duration.ZERO);
      } catch (WakeupException e) {
        continue; // stop() woke the poll; the loop condition decides
      }
      List<ReadAhead.Polled> inRange = new ArrayList<>(batch.count());
      // Partition by partition, in the batch's order: the key, end offset and polled offset once
      // per partition rather than per record (a key, a map lookup and a boxed offset per record).
      for (TopicPartition topicPartition : batch.partitions()) {
        KafkaPartition partition = records.partitionOf(topicPartition.topic(), topicPartition.partition());
        long endOffset = end.getOrDefault(partition, PartitionOffsets.UNBOUNDED);
        long next = -1;
        for (ConsumerRecord<byte[], byte[]> record : batch.records(topicPartition)) {
          if (record.offset() < endOffset) {
            inRange.add(new ReadAhead.Polled(partition, record));
            next = record.offset() + 1;
          }
        }
        if (next >= 0) {
          polledOffsets.put(partition, next);
        }
      }
      readAhead.submit(inRange);
      if (batch.isEmpty()) {
        readAhead.drain(apply);
      } else {
        readAhead.applyAllButLatestPoll(apply);
      }
      appenderator.persistIfDue();
      meters.tick();
      if (handoffReason == null) {
        handoffReason = handoff.reason(appenderator, System.currentTimeMillis());
        if (handoffReason == null && deadLetters != null) {
          handoffReason = deadLetters.handoffReason();
        }
        if (handoffReason != null) {
          log.info("Task[{}] asks to hand off early: {}", task.getId(), handoffReason);
        }
      }
    }
  }

  /**
   * Counts and indexes a chunk of read records and advances their partitions' offsets. The end
   * offsets are read again: a record read ahead beyond an end offset set meanwhile is dropped.
   */
  /**
   * Applies a chunk's records within the end offsets. A chunk holds runs of one partition's
   * records (a poll's records come partition by partition), so the per-partition record count and
   * next offset are written once per run rather than per record, and before a record's failure
   * propagates, so they cover exactly the records applied.
   */
  private void apply(List<ReadAhead.Read> chunk, RecordProcessor processor) {
    Map<KafkaPartition, Long> end = control.endOffsets();
    KafkaPartition partition = null;
    long partitionEnd = 0;
    long applied = 0;
    long next = 0;
    try {
      for (ReadAhead.Read r : chunk) {
        if (!r.partition().equals(partition)) {
          advance(partition, applied, next);
          partition = r.partition();
          partitionEnd = end.getOrDefault(partition, PartitionOffsets.UNBOUNDED);
          applied = 0;
        }
        long offset = r.read().record().offset();
        if (offset < partitionEnd) {
          processor.apply(r.read());
          applied++;
          next = offset + 1;
        }
      }
    } finally {
      advance(partition, applied, next);
    }
  }

  /** Counts {@code applied} records of {@code partition} and moves its current offset to {@code next}. */
  private void advance(KafkaPartition partition, long applied, long next) {
    if (applied > 0) {
      recordsProcessed.merge(partition, applied, Long::sum);
      currentOffsets.put(partition, next);
    }
  }

  private static InputFormat inputFormat(KafkaIndexTaskIOConfig io, DataSchema schema) {
    InputFormat format = io.getInputFormat();
    return schema.getDimensionsSpec().isUseSchemaDiscovery() ? format.withNestedFieldDiscovery() : format;
  }

  /** The transformSpec filter (reason {@code filtered}), then late and early message rejection. */
  static RecordProcessor.RowFilter rowFilter(KafkaIndexTaskIOConfig io, DataSchema schema) {
    DimFilter filter = schema.getTransformSpec().getFilter();
    RecordProcessor.RowFilter messageTime = messageTimeFilter(io);
    return filter == null ? messageTime
        : TransformFilter.both(new TransformFilter(filter, schema.getDimensionsSpec()), messageTime);
  }

  /** Druid's late and early message rejection: rows outside [minimumMessageTime, maximumMessageTime]. */
  static RecordProcessor.RowFilter messageTimeFilter(KafkaIndexTaskIOConfig io) {
    DateTime min = io.getMinimumMessageTime();
    DateTime max = io.getMaximumMessageTime();
    if (min == null && max == null) {
      return RecordProcessor.RowFilter.ACCEPT_ALL;
    }
    long minMillis = min == null ? Long.MIN_VALUE : min.getMillis();
    long maxMillis = max == null ? Long.MAX_VALUE : max.getMillis();
    return row -> row.getTimestampFromEpoch() < minMillis ? ThrownAwayReason.BEFORE_MIN_MESSAGE_TIME
        : row.getTimestampFromEpoch() > maxMillis ? ThrownAwayReason.AFTER_MAX_MESSAGE_TIME : null;
  }

  static InputEntity toEntity(ConsumerRecord<byte[], byte[]> record) {
    List<InputEntity.Header> headers = new ArrayList<>();
    for (Header h : record.headers()) {
      headers.add(new InputEntity.Header(h.key(), h.value()));
    }
    return new InputEntity(record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(),
        record.value(), headers);
  }

  private static boolean allFinished(Map<KafkaPartition, Long> offsets, Map<KafkaPartition, Long> end) {
    for (Map.Entry<KafkaPartition, Long> e : offsets.entrySet()) {
      long stopAt = end.getOrDefault(e.getKey(), PartitionOffsets.UNBOUNDED);
      if (e.getValue() < stopAt) {
        return false;
      }
    }
    return true;
  }
}
