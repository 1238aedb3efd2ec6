package io.kafkaindexing.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.guice.Initialization;
import io.kafkaindexing.core.guice.NodeRole;
import io.kafkaindexing.core.lifecycle.Lifecycle;
import io.kafkaindexing.core.server.HttpServer;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Broker's query API through the real injector, Jetty/Jersey server and an HTTP client, over the
 * seed's rows announced as an in-memory index.
 */
class QueryResourceIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private static Lifecycle lifecycle;
  private static String broker;
  private static String overlord;

  @BeforeAll
  static void start() throws Exception {
    Path extensions = Files.createTempDirectory("extensions");
    RuntimeProperties props = new RuntimeProperties(Map.of(
        "druid.server.overlordPort", "0",
        "druid.server.brokerPort", "0",
        "druid.server.bindAddress", "127.0.0.1",
        "druid.metadata.storage.connector.connectURI", "jdbc:derby:memory:query-it-" + UUID.randomUUID() + ";create=true",
        "druid.extensions.directory", extensions.toString()));
    Injector injector = Initialization.makeInjector(props, List.of(new QueryModule()));
    lifecycle = injector.getInstance(Lifecycle.class);
    lifecycle.start();
    HttpServer server = injector.getInstance(HttpServer.class);
    broker = "http://127.0.0.1:" + server.port(NodeRole.BROKER);
    overlord = "http://127.0.0.1:" + server.port(NodeRole.OVERLORD);
    ObjectMapper mapper = injector.getInstance(ObjectMapper.class);
    SeedData.announce(injector.getInstance(SegmentRegistry.class), SeedData.DATA_SOURCE, Granularities.HOUR,
        SeedData.indexBySegment(SeedData.inputRows(SeedData.events(mapper)), Granularities.HOUR, SeedData::seedSchema),
        SeedData.SEED_VERSION);
  }

  @AfterAll
  static void stop() {
    if (lifecycle != null) {
      lifecycle.stop();
    }
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(broker + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String base, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void seedSearchOnBothPathsPrettyAndCompact() throws Exception {
    String query = SeedData.read("seed/search-query.json");
    JsonNode expected = JSON.readTree(SeedData.read("seed/search-result.json"));

    HttpResponse<String> pretty = post("/druid/v2/?pretty", query);
    assertEquals(200, pretty.statusCode(), pretty.body());
    assertEquals(expected, JSON.readTree(pretty.body()));
    assertTrue(pretty.body().contains("\n"), "pretty output is indented: " + pretty.body());
    assertTrue(pretty.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertFalse(pretty.headers().firstValue(QueryResource.QUERY_ID_HEADER).orElse("").isEmpty());

    HttpResponse<String> compact = post("/druid/v2", query);
    assertEquals(200, compact.statusCode(), compact.body());
    assertEquals(SeedData.read("seed/search-result.json").trim(), compact.body());
  }

  /** Every seed query through HTTP gives Druid's bytes (compact output) and 200. */
  @ParameterizedTest
  @ValueSource(strings = {"search", "timeseries-all", "timeseries-hour", "topn", "groupby", "scan", "timeboundary",
      "datasourcemetadata"})
  void seedQueriesGiveDruidsExactJson(String name) throws Exception {
    HttpResponse<String> response = post("/druid/v2", SeedData.read("seed/" + name + "-query.json"));
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(SeedData.read("seed/" + name + "-result.json").trim(), response.body(), name);
  }

  /** Features of the query audit through HTTP: zoned buckets, epoch-millis times, unions, typed filters. */
  @Test
  void zonedBucketsMillisTimesUnionsAndTypedFiltersOverHttp() throws Exception {
    List<java.time.Instant> times = SeedData.events(JSON).stream()
        .map(e -> java.time.Instant.parse((String) e.get("time"))).sorted().toList();
    java.time.ZoneId la = java.time.ZoneId.of("America/Los_Angeles");
    String day = times.get(0).atZone(la).truncatedTo(java.time.temporal.ChronoUnit.DAYS)
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx"));
    HttpResponse<String> zoned = post("/druid/v2", "{\"queryType\":\"timeseries\",\"dataSource\":{"
        + "\"type\":\"union\",\"dataSources\":[\"metrics-kafka\",\"nope\"]},\"intervals\":[\"2018-03-01/2018-03-10\"],"
        + "\"granularity\":"
        + "{\"type\":\"period\",\"period\":\"P1D\",\"timeZone\":\"America/Los_Angeles\"},\"filter\":{\"type\":"
        + "\"inType\",\"column\":\"user\",\"matchValueType\":\"STRING\",\"values\":[\"alice\",\"bob\"]},"
        + "\"aggregations\":[{\"type\":\"count\",\"name\":\"rows\"}]}");
    assertEquals(200, zoned.statusCode(), zoned.body());
    assertEquals("[{\"timestamp\":\"" + day + "\",\"result\":{\"rows\":" + times.size() + "}}]", zoned.body());

    HttpResponse<String> millis = post("/druid/v2", "{\"queryType\":\"timeBoundary\","
        + "\"dataSource\":\"metrics-kafka\",\"context\":{\"serializeDateTimeAsLong\":true}}");
    assertEquals(200, millis.statusCode(), millis.body());
    assertEquals(times.get(0).toEpochMilli(),
        JSON.readTree(millis.body()).get(0).get("result").get("minTime").asLong());

    HttpResponse<String> bad = post("/druid/v2", "{\"queryType\":\"timeseries\",\"dataSource\":\"metrics-kafka\","
        + "\"intervals\":[\"2018/2019\"],\"granularity\":\"all\",\"filter\":{\"type\":\"inType\","
        + "\"column\":\"user\",\"values\":[\"a\"]}}");
    assertEquals(400, bad.statusCode(), bad.body());
    assertEquals("invalidInput", JSON.readTree(bad.body()).get("errorCode").asText());
    assertTrue(JSON.readTree(bad.body()).get("errorMessage").asText().contains("matchValueType"), bad.body());
  }

  @Test
  void queryIdFromContextIsEchoed() throws Exception {
    String query = "{\"queryType\":\"search\",\"dataSource\":\"metrics-kafka\",\"intervals\":[\"2018/2019\"],"
        + "\"context\":{\"queryId\":\"my-query-1\"}}";
    HttpResponse<String> response = post("/druid/v2/", query);
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("my-query-1", response.headers().firstValue(QueryResource.QUERY_ID_HEADER).orElse(null));
  }

  @Test
  void unknownDataSourceGivesEmptyList() throws Exception {
    HttpResponse<String> response = post("/druid/v2/",
        "{\"queryType\":\"search\",\"dataSource\":\"nope\",\"intervals\":[\"2018/2019\"]}");
    assertEquals(200, response.statusCode());
    assertEquals("[]", response.body());
  }

  @Test
  void malformedJsonIs400WithLineAndColumn() throws Exception {
    HttpResponse<String> response = post("/druid/v2/", "{\"queryType\":\"search\",\n  dataSource: \"x\"}");
    assertEquals(400, response.statusCode(), response.body());
    JsonNode body = JSON.readTree(response.body());
    assertEquals("Json parse failed", body.get("error").asText());
    assertEquals("com.fasterxml.jackson.core.JsonParseException", body.get("errorClass").asText());
    assertTrue(body.get("host").isNull());
    assertEquals("legacyQueryException", body.get("errorCode").asText());
    assertEquals("INVALID_INPUT", body.get("category").asText());
    assertEquals("OPERATOR", body.get("persona").asText());
    assertTrue(body.get("errorMessage").asText().contains("line 2, column 3"), body.toString());
    assertEquals("Json parse failed", body.get("context").get("legacyErrorCode").asText());
    assertEquals(List.of("error", "errorClass", "host", "errorCode", "persona", "category", "errorMessage", "context"),
        fieldNames(body));
  }

  /** A query read in one pass still gets the syntax pass's answers: content after it, a null body. */
  @Test
  void contentAfterTheQueryAndNullBodiesAre400() throws Exception {
    String query = "{\"queryType\":\"timeBoundary\",\"dataSource\":\"" + SeedData.DATA_SOURCE + "\"}";
    HttpResponse<String> spaced = post("/druid/v2", query + " \n ");
    assertEquals(200, spaced.statusCode(), spaced.body());
    assertEquals(post("/druid/v2", query).body(), spaced.body());
    for (String trailing : List.of(query + " {}", query + "}", query + " x", query + " 1")) {
      HttpResponse<String> response = post("/druid/v2", trailing);
      assertEquals(400, response.statusCode(), trailing + ": " + response.body());
      JsonNode body = JSON.readTree(response.body());
      assertEquals("invalidInput", body.get("errorCode").asText(), body.toString());
      assertTrue(body.get("errorMessage").asText().startsWith("Invalid JSON in the query: "), body.toString());
    }
    HttpResponse<String> nothing = post("/druid/v2", "null");
    assertEquals(400, nothing.statusCode(), nothing.body());
    assertTrue(JSON.readTree(nothing.body()).get("errorMessage").asText().contains("got null"), nothing.body());
  }

  @Test
  void aggregatorExpressionsOverHttp() throws Exception {
    String base = "{\"queryType\":\"timeseries\",\"dataSource\":\"" + SeedData.DATA_SOURCE + "\","
        + "\"intervals\":[\"1000/3000\"],\"granularity\":\"all\",\"aggregations\":[";
    HttpResponse<String> ok = post("/druid/v2", base
        + "{\"type\":\"doubleSum\",\"name\":\"plain\",\"fieldName\":\"latencyMs\"},"
        + "{\"type\":\"doubleSum\",\"name\":\"twice\",\"expression\":\"latencyMs * 2\"},"
        + "{\"type\":\"longSum\",\"name\":\"views\",\"fieldName\":\"views\"},"
        + "{\"type\":\"longSum\",\"name\":\"views3\",\"expression\":\"views * 3\"}]}");
    assertEquals(200, ok.statusCode(), ok.body());
    JsonNode result = JSON.readTree(ok.body()).get(0).get("result");
    assertTrue(result.get("plain").asDouble() > 0, result.toString());
    assertEquals(2 * result.get("plain").asDouble(), result.get("twice").asDouble(), 1e-6, result.toString());
    assertEquals(3 * result.get("views").asLong(), result.get("views3").asLong(), result.toString());

    HttpResponse<String> both = post("/druid/v2", base
        + "{\"type\":\"longSum\",\"name\":\"x\",\"fieldName\":\"views\",\"expression\":\"views\"}]}");
    assertEquals(400, both.statusCode(), both.body());
    JsonNode body = JSON.readTree(both.body());
    assertEquals("invalidInput", body.get("errorCode").asText());
    assertTrue(body.get("errorMessage").asText().contains("Must have a valid, non-null fieldName or expression"),
        body.toString());
  }

  @Test
  void missingIntervalsIs400NamingTheField() throws Exception {
    HttpResponse<String> response = post("/druid/v2/", "{\"queryType\":\"search\",\"dataSource\":\"metrics-kafka\"}");
    assertEquals(400, response.statusCode(), response.body());
    JsonNode body = JSON.readTree(response.body());
    assertEquals("invalidInput", body.get("errorCode").asText());
    assertEquals("INVALID_INPUT", body.get("category").asText());
    assertTrue(body.get("errorMessage").asText().contains("intervals"), body.toString());
  }

  @Test
  void unknownAndMissingQueryTypesAre400() throws Exception {
    HttpResponse<String> unknown = post("/druid/v2", "{\"queryType\":\"bogus\",\"dataSource\":\"x\",\"intervals\":[]}");
    assertEquals(400, unknown.statusCode(), unknown.body());
    assertTrue(JSON.readTree(unknown.body()).get("errorMessage").asText().contains("Unknown queryType[bogus]"),
        unknown.body());
    HttpResponse<String> missing = post("/druid/v2", "{\"dataSource\":\"x\",\"intervals\":[]}");
    assertEquals(400, missing.statusCode(), missing.body());
    assertTrue(missing.body().contains("Missing required field[queryType]"), missing.body());
    HttpResponse<String> empty = post("/druid/v2", "");
    assertEquals(400, empty.statusCode(), empty.body());
  }

  @Test
  void badContextIs400() throws Exception {
    HttpResponse<String> response = post("/druid/v2", "{\"queryType\":\"search\",\"dataSource\":\"metrics-kafka\","
        + "\"intervals\":[\"2018/2019\"],\"context\":{\"timeout\":\"bad\"}}");
    assertEquals(400, response.statusCode(), response.body());
    assertEquals("Query context parse failed", JSON.readTree(response.body()).get("error").asText());
  }

  @Test
  void dataSourcesAreListed() throws Exception {
    HttpResponse<String> list = get(broker, "/druid/v2/datasources");
    assertEquals(200, list.statusCode(), list.body());
    assertEquals("[\"metrics-kafka\"]", list.body());
    HttpResponse<String> one = get(broker, "/druid/v2/datasources/metrics-kafka");
    assertEquals(200, one.statusCode(), one.body());
    assertEquals("{\"dimensions\":[\"url\",\"user\"],\"metrics\":[\"latencyMs\",\"views\"]}", one.body());
  }

  @Test
  void healthOnBothPortsAndQueriesOnlyOnTheBroker() throws Exception {
    assertEquals("true", get(broker, "/status/health").body());
    assertEquals("true", get(overlord, "/status/health").body());
    assertEquals(404, get(overlord, "/druid/v2/datasources").statusCode());
  }

  @Test
  void otherMethodsOnTheQueryPathAre405JsonAndQueriesAreOnlyOnTheBroker() throws Exception {
    for (String path : List.of("/druid/v2", "/druid/v2/")) {
      HttpResponse<String> r = get(broker, path);
      assertEquals(405, r.statusCode(), path);
      assertEquals("POST", r.headers().firstValue("Allow").orElse(null));
      JsonNode body = JSON.readTree(r.body());
      assertEquals("druidException", body.get("error").asText());
      assertEquals("Method Not Allowed", body.get("errorMessage").asText());
    }
    HttpRequest onOverlord = HttpRequest.newBuilder(URI.create(overlord + "/druid/v2"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"queryType\":\"timeBoundary\",\"dataSource\":\"x\"}")).build();
    assertEquals(404, HTTP.send(onOverlord, HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  void cancelIsAccepted() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(broker + "/druid/v2/some-query")).DELETE().build();
    assertEquals(202, HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
