package io.kafkaindexing.query.brute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryExecutor;
import io.kafkaindexing.query.brute.BruteData.StoredRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.Test;

/**
 * Extraction dimension specs in groupBy (and a topN and a filter) over {@link BruteData}, with the
 * extracted values computed here with plain string operations.
 */
class ExtractionBruteForceTest {
  private static List<Map<String, Object>> groupBy(String dimension, Function<StoredRow, List<String>> extract)
      throws Exception {
    String json = "{\"queryType\":\"groupBy\",\"dataSource\":\"" + BruteData.DS + "\",\"intervals\":["
        + "\"2018-03-06/2018-03-07\"],\"granularity\":\"all\",\"dimensions\":[" + dimension + "],"
        + "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"rows\",\"fieldName\":\"rows\"}]}";
    Query query = JsonBodies.read(Brute.MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    TreeMap<String, Long> expected = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    for (List<StoredRow> seg : BruteData.SEGMENTS.values()) {
      for (StoredRow r : seg) {
        for (String v : extract.apply(r)) {
          expected.merge(v, (Long) r.metrics().get("rows"), Long::sum);
        }
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    expected.forEach((v, n) -> {
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("d", v);
      event.put("rows", n);
      rows.add(Map.of("version", "v1", "timestamp", "2018-03-06T00:00:00.000Z", "event", event));
    });
    Brute.assertJsonEquals(rows, new QueryExecutor(BruteData.REGISTRY).run(query), dimension);
    return rows;
  }

  private static List<String> map(StoredRow r, String dim, Function<String, String> f) {
    List<String> out = new ArrayList<>();
    r.values(dim).forEach(v -> out.add(f.apply(v)));
    return out;
  }

  @Test
  void substringUpperStrlenRegexLookupPartial() throws Exception {
    groupBy("{\"type\":\"extraction\",\"dimension\":\"url\",\"outputName\":\"d\",\"extractionFn\":{\"type\":"
        + "\"substring\",\"index\":1,\"length\":1}}", r -> map(r, "url", v -> v.substring(1, 2)));
    groupBy("{\"type\":\"extraction\",\"dimension\":\"user\",\"outputName\":\"d\",\"extractionFn\":{\"type\":"
        + "\"upper\"}}", r -> map(r, "user", v -> v == null ? null : v.toUpperCase(Locale.ROOT)));
    groupBy("{\"type\":\"extraction\",\"dimension\":\"tags\",\"outputName\":\"d\",\"extractionFn\":{\"type\":"
        + "\"strlen\"}}", r -> map(r, "tags", v -> v == null ? null : String.valueOf(v.length())));
    groupBy("{\"type\":\"extraction\",\"dimension\":\"user\",\"outputName\":\"d\",\"extractionFn\":{\"type\":"
        + "\"regex\",\"expr\":\"u(\\\\d)\"}}", r -> map(r, "user", v -> v == null ? null
        : v.matches(".*u\\d.*") ? v.replaceAll(".*?u(\\d).*", "$1") : v));
    groupBy("{\"type\":\"lookup\",\"dimension\":\"url\",\"outputName\":\"d\",\"lookup\":{\"type\":\"map\","
        + "\"map\":{\"/a\":\"A\",\"/b\":\"B\"}},\"replaceMissingValueWith\":\"other\"}",
        r -> map(r, "url", v -> v.equals("/a") ? "A" : v.equals("/b") ? "B" : "other"));
    groupBy("{\"type\":\"extraction\",\"dimension\":\"n\",\"outputName\":\"d\",\"extractionFn\":{\"type\":"
        + "\"partial\",\"expr\":\"[2-4]\"}}", r -> map(r, "n", v -> v != null && v.matches("[2-4]") ? v : null));
  }

  @Test
  void timeFormatOnTime() throws Exception {
    groupBy("{\"type\":\"extraction\",\"dimension\":\"__time\",\"outputName\":\"d\",\"extractionFn\":{\"type\":"
        + "\"timeFormat\",\"format\":\"HH:mm\",\"granularity\":\"fifteen_minute\",\"timeZone\":\"Asia/Kolkata\"}}",
        r -> List.of(new DateTime(r.time() / 900_000 * 900_000, DateTimeZone.forID("Asia/Kolkata"))
            .toString("HH:mm")));
  }

  @Test
  void filterWithExtractionFn() throws Exception {
    String json = "{\"queryType\":\"timeseries\",\"dataSource\":\"" + BruteData.DS + "\",\"intervals\":["
        + "\"2018-03-06/2018-03-07\"],\"granularity\":\"all\",\"filter\":{\"type\":\"selector\",\"dimension\":"
        + "\"user\",\"value\":\"U1\",\"extractionFn\":{\"type\":\"upper\"}},\"aggregations\":[{\"type\":\"longSum\","
        + "\"name\":\"rows\",\"fieldName\":\"rows\"}]}";
    Query query = JsonBodies.read(Brute.MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    long expected = 0;
    for (List<StoredRow> seg : BruteData.SEGMENTS.values()) {
      for (StoredRow r : seg) {
        String u = r.values("user").get(0);
        if (u != null && u.toUpperCase(Locale.ROOT).equals("U1")) {
          expected += (Long) r.metrics().get("rows");
        }
      }
    }
    String actual = Brute.MAPPER.writeValueAsString(new QueryExecutor(BruteData.REGISTRY).run(query));
    assertEquals("[{\"timestamp\":\"2018-03-06T09:00:00.000Z\",\"result\":{\"rows\":" + expected + "}}]", actual);
  }
}
