package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad, late and early rows against a real Kafka broker: every counter of the task's report equals
 * what the test produced row by row, saved parse errors point at the Kafka records that caused them,
 * the supervisor's stats and parseErrors agree, and a task that exceeds maxParseExceptions fails
 * saying why.
 */
class ParseErrorsIT {
  @TempDir
  static Path tmp;

  private static IngestionTestKit kit;

  @BeforeAll
  static void start() throws Exception {
    kit = IngestionTestKit.start(tmp);
  }

  @AfterAll
  static void stop() {
    if (kit != null) {
      kit.close();
    }
  }

  private static String spec(String dataSource, String tuning, String ioExtra) {
    return "{\"type\":\"kafka\",\"dataSchema\":{\"dataSource\":\"" + dataSource + "\","
        + "\"timestampSpec\":{\"column\":\"time\",\"format\":\"iso\"},"
        + "\"dimensionsSpec\":{\"dimensions\":[\"user\",{\"type\":\"long\",\"name\":\"n\"}]},"
        + "\"granularitySpec\":{\"segmentGranularity\":\"hour\",\"rollup\":false}},"
        + "\"tuningConfig\":{\"type\":\"kafka\"" + tuning + "},"
        + "\"ioConfig\":{\"topic\":\"" + dataSource + "\",\"inputFormat\":{\"type\":\"json\"},"
        + "\"consumerProperties\":{\"bootstrap.servers\":\"${bootstrap}\"},\"useEarliestOffset\":true,"
        + "\"startDelay\":\"PT0S\",\"period\":\"PT1S\"" + ioExtra + "}}";
  }

  @Test
  void everyRowIsCountedAndEveryErrorReported() throws Exception {
    kit.createTopic("errors");
    kit.submit(spec("errors", ",\"maxSavedParseExceptions\":10,\"logParseExceptions\":true",
        ",\"lateMessageRejectionStartDateTime\":\"2018-03-06T00:00:00Z\",\"earlyMessageRejectionPeriod\":\"PT1H\""),
        "errors");
    String task = kit.awaitTask("errors");
    JsonNode io = Http.get(kit.overlord + "/druid/indexer/v1/supervisor/errors").json().get("ioConfig");
    assertEquals("2018-03-06T00:00:00.000Z", io.get("lateMessageRejectionStartDateTime").asText());

    String good = "{\"time\":\"2018-03-06T10:00:00Z\",\"user\":\"bob\",\"n\":1}";
    String badValue = "{\"time\":\"2018-03-06T10:00:01Z\",\"user\":\"ann\",\"n\":\"many\"}";
    String badTime = "{\"time\":\"yesterday\",\"user\":\"cid\"}";
    String notJson = "{\"time\":\"2018-03-06T10:00:02Z\",";
    String late = "{\"time\":\"2018-03-05T23:59:59Z\",\"user\":\"late\"}";
    String early = "{\"time\":\"2100-01-01T00:00:00Z\",\"user\":\"early\"}";
    String noTime = "{\"user\":\"dan\"}";
    List<String> values = java.util.Arrays.asList(good, badValue, badTime, notJson, late, early, null, noTime);
    List<ProducerRecord<String, String>> records = new java.util.ArrayList<>();
    values.forEach(v -> records.add(new ProducerRecord<>("errors", 0, "key", v)));
    List<RecordMetadata> sent = kit.produce(records);

    long bytes = 0;
    for (String v : values) {
      bytes += v == null ? 0 : v.getBytes(StandardCharsets.UTF_8).length;
    }
    JsonNode totals = kit.awaitTotals(task, t -> t.get("processed").asInt() + t.get("processedWithError").asInt()
        + t.get("unparseable").asInt() + t.get("thrownAway").asInt() == 8);
    assertEquals(1, totals.get("processed").asInt(), totals.toString());
    assertEquals(1, totals.get("processedWithError").asInt(), totals.toString());
    assertEquals(3, totals.get("unparseable").asInt(), totals.toString());
    assertEquals(3, totals.get("thrownAway").asInt(), totals.toString());
    assertEquals(bytes, totals.get("processedBytes").asLong(), totals.toString());
    assertEquals(Map.of("null", 1, "beforeMinMessageTime", 1, "afterMaxMessageTime", 1),
        Http.JSON.convertValue(totals.get("thrownAwayByReason"), Map.class));

    JsonNode payload = kit.reportPayload(task);
    assertEquals("BUILD_SEGMENTS", payload.get("ingestionState").asText());
    JsonNode averages = payload.get("rowStats").get("movingAverages").get("buildSegments");
    assertTrue(averages.has("1m") && averages.has("5m") && averages.has("15m"), averages.toString());
    JsonNode events = payload.get("unparseableEvents").get("buildSegments");
    assertEquals(4, events.size(), events.toString());
    Map<Long, JsonNode> byOffset = new HashMap<>();
    events.forEach(e -> byOffset.put(e.get("offset").asLong(), e));
    for (JsonNode e : events) {
      assertEquals("errors", e.get("topic").asText());
      assertEquals(0, e.get("partition").asInt());
    }
    JsonNode valueError = byOffset.get(sent.get(1).offset());
    assertEquals("processedWithError", valueError.get("errorType").asText());
    assertTrue(valueError.get("details").get(0).asText().contains("many"), valueError.toString());
    JsonNode timeError = byOffset.get(sent.get(2).offset());
    assertEquals("unparseable", timeError.get("errorType").asText());
    assertEquals("Timestamp[yesterday] is unparseable! Event: {time=yesterday, user=cid}",
        timeError.get("details").get(0).asText());
    JsonNode syntaxError = byOffset.get(sent.get(3).offset());
    assertEquals(notJson, syntaxError.get("input").asText());
    assertTrue(syntaxError.get("details").get(0).asText().startsWith("Unable to parse row [" + notJson + "]"),
        syntaxError.toString());
    assertEquals("Timestamp[null] is unparseable! Event: {user=dan}",
        byOffset.get(sent.get(7).offset()).get("details").get(0).asText());

    JsonNode stats = Http.get(kit.overlord + "/druid/indexer/v1/supervisor/errors/stats").json();
    assertEquals(totals.toString(), stats.get("0").get(task).get("totals").get("buildSegments").toString());
    JsonNode parseErrors = Http.get(kit.overlord + "/druid/indexer/v1/supervisor/errors/parseErrors").json();
    assertEquals(4, parseErrors.size(), parseErrors.toString());

    JsonNode status = Http.get(kit.overlord + "/druid/indexer/v1/task/" + task + "/status").json();
    assertEquals(task, status.get("task").asText());
    assertEquals("RUNNING", status.get("status").get("status").asText());
    assertEquals("errors", status.get("status").get("dataSource").asText());
    Http.Response unknown = Http.get(kit.overlord + "/druid/indexer/v1/task/no-such-task/reports");
    assertEquals(404, unknown.status(), unknown.body());
    assertTrue(unknown.body().contains("No task reports were found for this task"), unknown.body());
  }

  @Test
  void exceedingMaxParseExceptionsFailsTheTaskSayingWhy() throws Exception {
    kit.createTopic("strict");
    kit.submit(spec("strict", ",\"maxParseExceptions\":1,\"maxSavedParseExceptions\":5", ""), "strict");
    String task = kit.awaitTask("strict");
    kit.produce(List.of(new ProducerRecord<>("strict", "{\"time\":\"2018-03-06T10:00:00Z\",\"user\":\"ok\"}"),
        new ProducerRecord<>("strict", "{broken"), new ProducerRecord<>("strict", "{\"time\":\"never\"}")));
    Http.Response status = Http.await(() -> Http.get(kit.overlord + "/druid/indexer/v1/task/" + task + "/status"),
        r -> IngestionTestKit.json(r).get("status").get("status").asText().equals("FAILED"), IngestionTestKit.WAIT);
    String errorMsg = IngestionTestKit.json(status).get("status").get("errorMsg").asText();
    assertTrue(errorMsg.startsWith("Max parse exceptions[1] exceeded: 2 unparseable and 0 processed-with-error rows;"
        + " the last at topic[strict] partition[0] offset[2]: Timestamp[never] is unparseable!"), errorMsg);
    JsonNode payload = kit.reportPayload(task);
    assertEquals(errorMsg, payload.get("errorMsg").asText());
    assertEquals(1, payload.get("rowStats").get("buildSegments").get("processed").asInt(), payload.toString());
    assertEquals(2, payload.get("unparseableEvents").get("buildSegments").size(), payload.toString());
  }

  @Test
  void rejectedAndUnparseableRecordsGoToTheDeadLetterTopicWhenTheTaskPublishes() throws Exception {
    kit.createTopic("dirty");
    kit.createTopic("dirty-dlq");
    kit.submit(spec("dirty", "", ",\"deadLetterTopic\":\"dirty-dlq\",\"taskDuration\":\"PT10S\","
        + "\"lateMessageRejectionStartDateTime\":\"2018-03-06T00:00:00Z\""), "dirty");
    JsonNode io = Http.get(kit.overlord + "/druid/indexer/v1/supervisor/dirty").json().get("ioConfig");
    assertEquals("dirty-dlq", io.get("deadLetterTopic").asText());
    String task = kit.awaitTask("dirty");
    ProducerRecord<String, String> withHeader = new ProducerRecord<>("dirty", 0, "k2", "{\"time\":\"nope\"}");
    withHeader.headers().add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
    List<RecordMetadata> sent = kit.produce(List.of(
        new ProducerRecord<>("dirty", 0, "k1", "{\"time\":\"2018-03-06T10:00:00Z\",\"user\":\"ok\"}"),
        withHeader,
        new ProducerRecord<>("dirty", 0, "k3", "{\"time\":\"2018-03-05T10:00:00Z\",\"user\":\"late\"}"),
        new ProducerRecord<>("dirty", 0, "k4", (String) null)));
    kit.awaitTotals(task, t -> t.get("processed").asInt() == 1 && t.get("thrownAway").asInt() == 2
        && t.get("unparseable").asInt() == 1);
    // Written in a Kafka transaction when the task publishes (taskDuration), read with read_committed.
    List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> letters = kit.readAll("dirty-dlq", 3);
    assertEquals(3, letters.size(), letters.toString());
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", kit.bootstrapServers()))) {
      Map<TopicPartition, OffsetAndMetadata> marks = admin.listConsumerGroupOffsets("dirty-dead-letters")
          .partitionsToOffsetAndMetadata().get(60, TimeUnit.SECONDS);
      OffsetAndMetadata mark = marks.get(new TopicPartition("dirty", 0));
      long end = sent.get(3).offset() + 1;
      assertEquals(end, mark.offset(), marks.toString());
      assertEquals("v1:0-" + end, mark.metadata(), "the source offsets whose dead letters are written");
    }
    Map<String, String> bad = headers(letters.get(0));
    assertEquals("k2", letters.get(0).key());
    assertEquals("{\"time\":\"nope\"}", letters.get(0).value());
    assertEquals("t-1", bad.get("trace"), "original headers are kept");
    assertEquals("unparseable", bad.get("dlq.category"));
    assertEquals("Timestamp[nope] is unparseable! Event: {time=nope}", bad.get("dlq.error"));
    assertEquals("dirty", bad.get("dlq.topic"));
    assertEquals("0", bad.get("dlq.partition"));
    assertEquals(String.valueOf(sent.get(1).offset()), bad.get("dlq.offset"));
    assertEquals(task, bad.get("dlq.task"));
    Map<String, String> late = headers(letters.get(1));
    assertEquals("thrownAway", late.get("dlq.category"));
    assertEquals("beforeMinMessageTime", late.get("dlq.reason"));
    assertEquals(String.valueOf(sent.get(2).offset()), late.get("dlq.offset"));
    assertEquals("k4", letters.get(2).key());
    assertEquals(null, letters.get(2).value(), "a tombstone stays a tombstone");
    assertEquals("null", headers(letters.get(2)).get("dlq.reason"));
  }

  @Test
  void twoReplicasWriteEachDeadLetterOnce() throws Exception {
    kit.createTopic("twice");
    kit.createTopic("twice-dlq");
    kit.submit(spec("twice", "", ",\"deadLetterTopic\":\"twice-dlq\",\"replicas\":2,\"taskDuration\":\"PT10S\""),
        "twice");
    Http.Response active = Http.await(() -> Http.get(kit.overlord + "/druid/indexer/v1/supervisor/twice/status"),
        r -> IngestionTestKit.json(r).path("payload").path("activeTasks").size() == 2, IngestionTestKit.WAIT);
    List<String> replicas = new java.util.ArrayList<>();
    IngestionTestKit.json(active).get("payload").get("activeTasks").forEach(t -> replicas.add(t.get("id").asText()));
    List<RecordMetadata> sent = kit.produce(List.of(
        new ProducerRecord<>("twice", 0, "a", "{broken"),
        new ProducerRecord<>("twice", 0, "b", "{\"time\":\"2018-03-06T10:00:00Z\",\"user\":\"ok\"}"),
        new ProducerRecord<>("twice", 0, "c", "{\"time\":\"never\"}"),
        new ProducerRecord<>("twice", 0, "d", (String) null)));
    for (String replica : replicas) {
      Http.await(() -> Http.get(kit.overlord + "/druid/indexer/v1/task/" + replica + "/status"),
          r -> IngestionTestKit.json(r).get("status").get("status").asText().equals("SUCCESS"), IngestionTestKit.WAIT);
    }
    List<String> offsets = new java.util.ArrayList<>();
    kit.readCommitted("twice-dlq").forEach(r -> offsets.add(headers(r).get("dlq.offset")));
    assertEquals(List.of(String.valueOf(sent.get(0).offset()), String.valueOf(sent.get(2).offset()),
        String.valueOf(sent.get(3).offset())), offsets, "both replicas published; one dead letter per rejected row");
  }

  private static Map<String, String> headers(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> r) {
    Map<String, String> out = new HashMap<>();
    r.headers().forEach(h -> out.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
    return out;
  }
}
