package io.kafkaindexing.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Produce-to-queryable latency: rows are produced at a fixed rate to their own topic and data source
 * while the main thread polls a timeseries query as fast as it answers. Partition {@code p}'s rows
 * have times on day {@code 2018-03-08 + p} ({@code k} ms after midnight for its {@code k}-th row),
 * so a query bucketed by day tells how many rows of each partition are visible; Kafka keeps a
 * partition's order, so those are its first rows. A row's latency is from just before its
 * {@code send} to the arrival of the first answer that counts it (so it includes up to one poll's
 * round trip).
 */
public final class LatencyPhase {
  private static final long FIRST_DAY_MS = Instant.parse("2018-03-08T00:00:00Z").toEpochMilli();
  private static final long WARMUP_DAY_MS = Instant.parse("2018-03-07T00:00:00Z").toEpochMilli();

  private final BenchKafka kafka;
  private final BenchHttp http;
  private final String brokerUrl;
  private final String topic;
  private final String dataSource;
  private final int partitions;

  public LatencyPhase(BenchKafka kafka, BenchHttp http, String brokerUrl, String topic, String dataSource,
      int partitions) {
    this.kafka = kafka;
    this.http = http;
    this.brokerUrl = brokerUrl + "/druid/v2";
    this.topic = topic;
    this.dataSource = dataSource;
    this.partitions = partitions;
  }

  /** One warm-up row per partition on 2018-03-07; returns once all are queryable (the tasks are reading). */
  public void warmUp(long timeoutMs) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = kafka.producer(0, 16384)) {
      for (int p = 0; p < partitions; p++) {
        producer.send(new ProducerRecord<>(topic, p, null, BenchDataset.json(WARMUP_DAY_MS + p, 0, 0, 1)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8))).get();
      }
    }
    String query = "{\"queryType\":\"timeseries\",\"dataSource\":\"" + dataSource + "\",\"granularity\":\"all\","
        + "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"views\",\"fieldName\":\"views\"}],"
        + "\"intervals\":[\"2018-03-07/2018-03-08\"]}";
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    while (BenchQueries.views(http.postOk(brokerUrl, query)) < partitions) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Warm-up rows of data source[" + dataSource + "] not queryable within "
            + timeoutMs + " ms");
      }
      Thread.sleep(20);
    }
  }

  /** Produces {@code rate} rows/s for {@code seconds}; returns the latency figures. */
  public Map<String, Object> run(int rate, int seconds) throws Exception {
    int total = rate * seconds;
    int perPartition = (total + partitions - 1) / partitions;
    AtomicLongArray sentNanos = new AtomicLongArray(total);
    AtomicReference<Exception> failure = new AtomicReference<>();
    Thread producerThread = new Thread(() -> produce(rate, total, sentNanos, failure), "bench-fixed-rate-producer");
    String query = "{\"queryType\":\"timeseries\",\"dataSource\":\"" + dataSource + "\",\"granularity\":\"day\","
        + "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"views\",\"fieldName\":\"views\"}],"
        + "\"intervals\":[\"2018-03-08/" + Instant.ofEpochMilli(FIRST_DAY_MS + partitions * 86_400_000L) + "\"]}";
    double[] latencies = new double[total];
    int[] visible = new int[partitions];
    int seen = 0;
    int polls = 0;
    long start = System.nanoTime();
    producerThread.start();
    long deadline = start + (seconds + 120L) * 1_000_000_000L;
    while (seen < total) {
      if (failure.get() != null) {
        throw new IllegalStateException("Fixed-rate producing failed", failure.get());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Only " + seen + " of " + total + " fixed-rate rows became queryable");
      }
      JsonNode answer = http.postOk(brokerUrl, query);
      long now = System.nanoTime();
      polls++;
      for (JsonNode bucket : answer) {
        int p = (int) ((Instant.parse(bucket.get("timestamp").asText()).toEpochMilli() - FIRST_DAY_MS) / 86_400_000L);
        int count = (int) Math.min(bucket.get("result").get("views").asLong(), perPartition);
        for (int k = visible[p]; k < count; k++) {
          int j = k * partitions + p;
          if (j < total) {
            latencies[seen++] = (now - sentNanos.get(j)) / 1e6;
          }
        }
        visible[p] = Math.max(visible[p], count);
      }
    }
    producerThread.join();
    double producedSeconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rate_rows_per_s", rate);
    out.put("rows", total);
    out.put("polls", polls);
    out.put("wall_s", Percentiles.round(producedSeconds));
    out.put("latency_ms", new Percentiles(latencies).summary());
    return out;
  }

  private void produce(int rate, int total, AtomicLongArray sentNanos, AtomicReference<Exception> failure) {
    try (KafkaProducer<byte[], byte[]> producer = kafka.producer(5, 65536)) {
      long start = System.nanoTime();
      double interval = 1e9 / rate;
      for (int j = 0; j < total && failure.get() == null; j++) {
        long target = start + (long) (j * interval);
        long wait;
        while ((wait = target - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        int p = j % partitions;
        long k = j / partitions;
        byte[] row = BenchDataset.json(FIRST_DAY_MS + p * 86_400_000L + k, j % BenchDataset.URLS,
            j % BenchDataset.USERS, 1 + j % 1000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        sentNanos.set(j, System.nanoTime());
        producer.send(new ProducerRecord<>(topic, p, null, row), (m, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        });
      }
      producer.flush();
    } catch (Exception e) {
      failure.compareAndSet(null, e);
    }
  }
}
