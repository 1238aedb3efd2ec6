package io.kafkaindexing.indexing.kafka;

import io.kafkaindexing.indexing.task.ReadRecord;
import io.kafkaindexing.indexing.task.RecordProcessor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads polled records into rows ({@link RecordProcessor#read}: decoding, JSON, timestamps) on
 * {@code parseThreads} worker threads while the task thread indexes the rows of the previous poll,
 * so that one task uses more than one core. Only reading runs on the workers; counting, parse
 * errors, dead letters, indexing and offsets stay on the task thread, which takes the read chunks
 * back in poll order (so each partition in offset order) and applies them. At most one poll
 * waits beyond the one being applied; {@link #drain} applies everything in flight, which
 * the read loop does before it pauses, finishes or polls nothing, so the offsets the task reports,
 * checkpoints and publishes always cover exactly the rows it indexed. With no workers each poll is
 * read and applied on the task thread, as before read-ahead existed.
 *
 * <p>Threading: every method runs on the task thread; workers only run {@code read}, and their
 * results reach the task thread through the chunks' futures.
 */
final class ReadAhead implements AutoCloseable {
  /** Below this many records a poll is read as one chunk: handing off costs more than it saves. */
  private static final int MIN_CHUNK_RECORDS = 64;

  /** A polled record within the task's end offsets, and its partition. */
  record Polled(KafkaPartition partition, ConsumerRecord<byte[], byte[]> record) {
  }

  /** A record read into rows, with its partition. */
  record Read(KafkaPartition partition, ReadRecord read) {
  }

  private final RecordProcessor processor;
  private final int threads;
  /** Null without workers. */
  private final ExecutorService workers;
  /** The chunks of each poll submitted and not applied yet, oldest poll first. */
  private final Deque<List<Future<List<Read>>>> inFlight = new ArrayDeque<>();

  ReadAhead(RecordProcessor processor, int threads, String taskId) {
    this.processor = processor;
    this.threads = threads;
    if (threads == 0) {
      this.workers = null;
    } else {
      AtomicInteger next = new AtomicInteger();
      this.workers = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "task-read[" + taskId + "]-" + next.getAndIncrement());
        t.setDaemon(true);
        return t;
      });
    }
  }

  boolean isEmpty() {
    return inFlight.isEmpty();
  }

  /** Hands one poll's records to the workers, in up to {@code parseThreads} chunks of consecutive records. */
  void submit(List<Polled> records) {
    if (records.isEmpty()) {
      return;
    }
    if (workers == null) {
      inFlight.add(new ArrayList<>(List.of(CompletableFuture.completedFuture(read(records)))));
      return;
    }
    List<Future<List<Read>>> chunks = new ArrayList<>(threads);
    int chunkSize = Math.max(MIN_CHUNK_RECORDS, (records.size() + threads - 1) / threads);
    for (int from = 0; from < records.size(); from += chunkSize) {
      List<Polled> chunk = records.subList(from, Math.min(records.size(), from + chunkSize));
      chunks.add(workers.submit(() -> read(chunk)));
    }
    inFlight.add(chunks);
  }

  /**
   * Applies every poll but the latest: the workers read the latest poll while the task thread
   * applies the one before (without workers, applies everything at once).
   */
  void applyAllButLatestPoll(Consumer<List<Read>> apply) throws InterruptedException {
    while (inFlight.size() > (workers == null ? 0 : 1)) {
      applyOldestPoll(apply);
    }
  }

  /** Applies every poll in flight, in order. */
  void drain(Consumer<List<Read>> apply) throws InterruptedException {
    while (!inFlight.isEmpty()) {
      applyOldestPoll(apply);
    }
  }

  private void applyOldestPoll(Consumer<List<Read>> apply) throws InterruptedException {
    List<Future<List<Read>>> chunks = inFlight.peek();
    while (!chunks.isEmpty()) {
      apply.accept(take(chunks.get(0)));
      chunks.remove(0);
    }
    inFlight.poll();
  }

  private List<Read> read(List<Polled> chunk) {
    List<Read> out = new ArrayList<>(chunk.size());
    for (Polled p : chunk) {
      out.add(new Read(p.partition(), processor.read(KafkaIndexTaskRunner.toEntity(p.record()))));
    }
    return out;
  }

  /** Waits for the oldest chunk; a worker's unexpected failure is thrown here, on the task thread. */
  private static List<Read> take(Future<List<Read>> chunk) throws InterruptedException {
    try {
      return chunk.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("Reading records failed", cause);
    }
  }

  /** Drops the chunks in flight (the task stops or failed without publishing them) and ends the workers. */
  @Override
  public void close() {
    inFlight.forEach(chunks -> chunks.forEach(f -> f.cancel(true)));
    inFlight.clear();
    if (workers != null) {
      workers.shutdownNow();
    }
  }
}
