package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.server.MetricsRows.Totals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partitions added to the topic while a supervisor runs (Kafka's {@code createPartitions}) are
 * discovered and ingested: with {@code taskCount} 1 the new partition belongs to the group already
 * reading, which stops after {@code repartitionTransitionDuration} (not its hour-long
 * {@code taskDuration}) so that its successor reads every partition; each row is counted once.
 */
class PartitionDiscoveryIT {
  private static final String V1 = "/druid/indexer/v1";

  @TempDir
  Path tmp;

  @Test
  void aPartitionAddedMidRunIsIngested() throws Exception {
    try (TestCluster cluster = new TestCluster(tmp, Map.of("druid.historical.pollPeriod", "PT0.2S"))) {
      cluster.createTopic("metrics", 1);
      String spec = cluster.seed("supervisor-spec.json")
          .replace("\"taskDuration\": \"PT1H\"", "\"taskDuration\": \"PT1H\", \"useEarliestOffset\": true,"
              + " \"startDelay\": \"PT0S\", \"period\": \"PT1S\"")
          .replace("\"maxRowsInMemory\": \"100000\"", "\"maxRowsInMemory\": \"100000\","
              + " \"repartitionTransitionDuration\": \"PT2S\"");
      assertEquals(200, Http.post(cluster.overlord() + V1 + "/supervisor", spec).status());
      cluster.produce("metrics", MetricsRows.rows(0, 100), null);
      MetricsRows.await(cluster.broker(), "metrics-kafka", Totals.of(0, 100), Duration.ofSeconds(60));

      try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
          cluster.bootstrapServers()))) {
        admin.createPartitions(Map.of("metrics", NewPartitions.increaseTo(3))).all().get(60, TimeUnit.SECONDS);
      }
      cluster.produce("metrics", MetricsRows.rows(100, 250), i -> 1 + i % 2);
      cluster.produce("metrics", MetricsRows.rows(250, 260), i -> 0);
      MetricsRows.await(cluster.broker(), "metrics-kafka", Totals.of(0, 260), Duration.ofSeconds(60));

      JsonNode status = Http.await(() -> Http.get(cluster.overlord() + V1 + "/supervisor/metrics-kafka/status"),
          r -> {
            try {
              JsonNode p = r.json().get("payload");
              return p.get("partitions").asInt() == 3 && p.get("activeTasks").size() == 1
                  && p.get("activeTasks").get(0).get("currentOffsets").size() == 3;
            } catch (java.io.IOException e) {
              return false;
            }
          }, Duration.ofSeconds(30)).json().get("payload");
      JsonNode offsets = status.get("activeTasks").get(0).get("currentOffsets");
      assertEquals(110, offsets.get("0").asLong(), status.toString());
      assertEquals(75, offsets.get("1").asLong(), status.toString());
      assertEquals(75, offsets.get("2").asLong(), status.toString());
      MetricsRows.await(cluster.broker(), "metrics-kafka", Totals.of(0, 260), Duration.ofSeconds(5));
    }
  }
}
