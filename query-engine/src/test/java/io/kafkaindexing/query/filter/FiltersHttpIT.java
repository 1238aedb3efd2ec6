package io.kafkaindexing.query.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.guice.Initialization;
import io.kafkaindexing.core.guice.NodeRole;
import io.kafkaindexing.core.lifecycle.Lifecycle;
import io.kafkaindexing.core.server.HttpServer;
import io.kafkaindexing.query.QueryModule;
import io.kafkaindexing.query.SeedData;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.segment.granularity.Granularities;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each new filter type in a timeseries POSTed to the Broker's {@code /druid/v2} through the real
 * injector, Jetty server and an HTTP client, over {@link FilterTestData} announced as in-memory
 * indexes: the count equals the one computed from the raw events, and a bad filter is a 400 with
 * Druid's error JSON naming the field.
 */
class FiltersHttpIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private static Lifecycle lifecycle;
  private static String broker;

  @BeforeAll
  static void start() throws Exception {
    Path extensions = Files.createTempDirectory("extensions");
    RuntimeProperties props = new RuntimeProperties(Map.of(
        "druid.server.overlordPort", "0",
        "druid.server.brokerPort", "0",
        "druid.server.bindAddress", "127.0.0.1",
        "druid.metadata.storage.connector.connectURI",
        "jdbc:derby:memory:filters-it-" + UUID.randomUUID() + ";create=true",
        "druid.extensions.directory", extensions.toString()));
    Injector injector = Initialization.makeInjector(props, List.of(new QueryModule()));
    lifecycle = injector.getInstance(Lifecycle.class);
    lifecycle.start();
    broker = "http://127.0.0.1:" + injector.getInstance(HttpServer.class).port(NodeRole.BROKER);
    SeedData.announce(injector.getInstance(SegmentRegistry.class), FilterTestData.DS, Granularities.HOUR,
        FilterTestData.INDEXES);
  }

  @AfterAll
  static void stop() {
    if (lifecycle != null) {
      lifecycle.stop();
    }
  }

  private static HttpResponse<String> postQuery(String filter) throws Exception {
    String body = "{\"queryType\":\"timeseries\",\"dataSource\":\"" + FilterTestData.DS + "\",\"intervals\":["
        + "\"2018-03-06/2018-03-07\"],\"granularity\":\"all\",\"filter\":" + filter + ",\"aggregations\":["
        + "{\"type\":\"count\",\"name\":\"rows\"}]}";
    HttpRequest request = HttpRequest.newBuilder(URI.create(broker + "/druid/v2")).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\":\"equals\",\"column\":\"n\",\"matchValueType\":\"LONG\",\"matchValue\":2}",
      "{\"type\":\"not\",\"field\":{\"type\":\"equals\",\"column\":\"s\",\"matchValueType\":\"STRING\","
          + "\"matchValue\":\"abc\"}}",
      "{\"type\":\"null\",\"column\":\"s\"}",
      "{\"type\":\"range\",\"column\":\"d\",\"matchValueType\":\"DOUBLE\",\"lower\":0,\"upper\":3.25,"
          + "\"upperOpen\":true}",
      "{\"type\":\"bound\",\"dimension\":\"s\",\"lower\":\"1\",\"upper\":\"10\",\"ordering\":\"numeric\"}",
      "{\"type\":\"like\",\"dimension\":\"s\",\"pattern\":\"a%\"}",
      "{\"type\":\"regex\",\"dimension\":\"tags\",\"pattern\":\"[xZ]\"}",
      "{\"type\":\"search\",\"dimension\":\"s2\",\"query\":{\"type\":\"insensitive_contains\",\"value\":\"bc\"}}",
      "{\"type\":\"interval\",\"dimension\":\"__time\",\"intervals\":[\"2018-03-06T09:10/2018-03-06T09:40\"]}",
      "{\"type\":\"columnComparison\",\"dimensions\":[\"s\",\"s2\"]}",
      "{\"type\":\"true\"}",
      "{\"type\":\"false\"}",
  })
  void timeseriesCountsMatchTheRawEvents(String filter) throws Exception {
    JsonNode node = JSON.readTree(filter);
    long expected = FilterTestData.EVENTS.stream().filter(e -> FilterOracle.eval(node, e) == FilterOracle.T.TRUE)
        .count();
    HttpResponse<String> response = postQuery(filter);
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(expected, JSON.readTree(response.body()).get(0).get("result").get("rows").asLong(), filter);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"type\":\"equals\",\"column\":\"s\",\"matchValueType\":\"STRING\"}|matchValue",
      "{\"type\":\"range\",\"column\":\"n\",\"matchValueType\":\"LONG\",\"lower\":\"x\"}|lower",
      "{\"type\":\"bound\",\"dimension\":\"s\",\"lower\":\"a\",\"ordering\":\"nope\"}|ordering",
      "{\"type\":\"like\",\"dimension\":\"s\",\"pattern\":\"a\",\"escape\":\"ab\"}|escape",
      "{\"type\":\"null\"}|column",
  })
  void badFilterIs400NamingTheField(String filter, String field) throws Exception {
    HttpResponse<String> response = postQuery(filter);
    assertEquals(400, response.statusCode(), response.body());
    JsonNode body = JSON.readTree(response.body());
    assertEquals("invalidInput", body.get("errorCode").asText(), response.body());
    assertEquals("INVALID_INPUT", body.get("category").asText(), response.body());
    assertTrue(body.get("errorMessage").asText().contains("field[" + field + "]"), response.body());
  }
}
