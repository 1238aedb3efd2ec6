package io.kafkaindexing.query.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryExecutor;
import io.kafkaindexing.query.QueryTestMapper;
import io.kafkaindexing.query.Result;
import io.kafkaindexing.query.SeedData;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.query.dimension.DefaultDimensionSpec;
import io.kafkaindexing.query.dimension.DimensionSpec;
import io.kafkaindexing.query.filter.AndDimFilter;
import io.kafkaindexing.query.filter.DimFilter;
import io.kafkaindexing.query.filter.InDimFilter;
import io.kafkaindexing.query.filter.NotDimFilter;
import io.kafkaindexing.query.filter.OrDimFilter;
import io.kafkaindexing.query.filter.SelectorDimFilter;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.granularity.AllGranularity;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.granularity.Granularity;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.incremental.IncrementalIndexSchema;
import io.kafkaindexing.segment.row.InputRow;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import io.kafkaindexing.segment.spec.DimensionSchema;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Search answers over random rows (nulls, empty strings, multi-value, a long dimension, rollup,
 * three hourly segments) compared with answers computed by brute force over the raw rows: rollup,
 * three-valued filters, counting and Druid's merge rules re-done here without indexes.
 */
class SearchBruteForceTest {
  private static final String DS = "random";
  private static final List<String> DIMS = List.of("user", "url", "tags", "n");
  private static final long START = new DateTime("2018-03-06T09:00:00Z", DateTimeZone.UTC).getMillis();
  private static final long HOUR = 3_600_000L;
  private static final ObjectMapper MAPPER = QueryTestMapper.create();

  private static final Map<SeedData.Form, SegmentRegistry> REGISTRIES = new EnumMap<>(SeedData.Form.class);

  @TempDir
  static Path tmp;
  /** Stored (rolled-up) rows per segment start, computed by brute force. */
  private static Map<Long, List<StoredRow>> storedRows;

  /** A rolled-up row: minute time and each dimension's values ([null] for null). */
  private record StoredRow(long time, Map<String, List<String>> values) {}

  @BeforeAll
  static void setUp() {
    List<InputRow> rows = randomRows(new Random(42), 3000);
    Map<Long, IncrementalIndex> indexes = SeedData.indexBySegment(rows, Granularities.HOUR, SearchBruteForceTest::schema);
    for (SeedData.Form form : SeedData.Form.values()) {
      SegmentRegistry registry = new SegmentRegistry();
      SeedData.announce(registry, DS, Granularities.HOUR, form.of(indexes, Granularities.HOUR, tmp));
      REGISTRIES.put(form, registry);
    }
    storedRows = new TreeMap<>();
    Map<List<Object>, StoredRow> byKey = new LinkedHashMap<>();
    for (InputRow row : rows) {
      long minute = row.getTimestampFromEpoch() / 60_000L * 60_000L;
      Map<String, List<String>> values = new LinkedHashMap<>();
      DIMS.forEach(d -> values.put(d, values(d, row.getRaw(d))));
      List<Object> key = new ArrayList<>(List.of(minute));
      key.addAll(values.values());
      if (!byKey.containsKey(key)) {
        StoredRow stored = new StoredRow(minute, values);
        byKey.put(key, stored);
        storedRows.computeIfAbsent(minute / HOUR * HOUR, k -> new ArrayList<>()).add(stored);
      }
    }
  }

  /** Virtual columns, as JSON; {@link #columns} computes their values without expressions. */
  private static final String VCS = "\"virtualColumns\":[{\"type\":\"expression\",\"name\":\"uu\","
      + "\"expression\":\"upper(user)\"},{\"type\":\"expression\",\"name\":\"n10\",\"expression\":\"n * 10\"},"
      + "{\"type\":\"expression\",\"name\":\"tx\",\"expression\":\"concat(tags, '!')\"},"
      + "{\"type\":\"expression\",\"name\":\"user\",\"expression\":\"concat('v-', url)\"}]";

  private static List<String> map(List<String> in, java.util.function.UnaryOperator<String> f) {
    List<String> out = new ArrayList<>();
    in.forEach(v -> out.add(v == null ? null : f.apply(v)));
    return out;
  }

  private static IncrementalIndexSchema schema(long start) {
    DimensionsSpec dims = new DimensionsSpec(List.of(DimensionSchema.of("user"), DimensionSchema.of("url"),
        DimensionSchema.of("tags"), new DimensionSchema("n", "long", null, null)), null, null, null);
    return IncrementalIndexSchema.builder().minTimestamp(start).queryGranularity(Granularities.MINUTE)
        .dimensionsSpec(dims).metrics(new CountAggregatorFactory("rows")).rollup(true).build();
  }

  private static List<InputRow> randomRows(Random random, int count) {
    String[] users = {"u0", "u1", "u2", "u3", "u4", "u5", "u10", "U1", "", null, "missing"};
    String[] urls = {"/a", "/b", "/c", "/a/b"};
    String[] tags = {"x", "y", "z", "X"};
    List<InputRow> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long time = START + random.nextInt(3 * 3600) * 1000L;
      Map<String, Object> event = new HashMap<>();
      String user = users[random.nextInt(users.length)];
      if (!"missing".equals(user)) {
        event.put("user", user);
      }
      event.put("url", urls[random.nextInt(urls.length)]);
      int kind = random.nextInt(8);
      if (kind == 0) {
        event.put("tags", Arrays.asList("x", null));
      } else if (kind < 7) {
        List<String> t = new ArrayList<>();
        for (int k = random.nextInt(4); k > 0; k--) {
          t.add(tags[random.nextInt(tags.length)]);
        }
        event.put("tags", t);
      }
      int n = random.nextInt(7);
      if (n < 6) {
        event.put("n", n == 0 ? null : (Object) n);
      }
      rows.add(new MapBasedInputRow(time, List.copyOf(event.keySet()), event));
    }
    return rows;
  }

  /** A raw value as the stored values of a dimension, computed independently of the index. */
  private static List<String> values(String dim, Object raw) {
    if (raw == null || (raw instanceof List<?> l && l.isEmpty())) {
      return Arrays.asList((String) null);
    }
    if (dim.equals("n")) {
      return List.of(String.valueOf(((Number) raw).longValue()));
    }
    if (raw instanceof List<?> list) {
      List<String> out = new ArrayList<>();
      list.forEach(v -> out.add(v == null ? null : v.toString()));
      out.sort(Comparator.nullsFirst(Comparator.naturalOrder()));
      return out;
    }
    return List.of(raw.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"query\":{\"type\":\"insensitive_contains\",\"value\":\"u\"},\"searchDimensions\":[\"user\",\"tags\"]}",
      "{\"query\":{\"type\":\"contains\",\"value\":\"X\",\"caseSensitive\":true}}",
      "{\"query\":{\"type\":\"contains\",\"value\":\"X\"},\"sort\":{\"type\":\"strlen\"}}",
      "{\"query\":{\"type\":\"fragment\",\"values\":[\"u\",\"1\"]},\"granularity\":\"hour\"}",
      "{\"query\":{\"type\":\"regex\",\"pattern\":\"^/a\"},\"granularity\":\"day\","
          + "\"intervals\":[\"2018-03-06T09:30/2018-03-06T10:45\",\"2018-03-06T11:15/2018-03-06T11:20\"]}",
      "{\"query\":{\"type\":\"all\"},\"sort\":{\"type\":\"numeric\"}}",
      "{\"sort\":{\"type\":\"alphanumeric\"},\"granularity\":\"fifteen_minute\"}",
      "{\"granularity\":\"hour\",\"filter\":{\"type\":\"and\",\"fields\":[{\"type\":\"selector\",\"dimension\":\"url\","
          + "\"value\":\"/a\"},{\"type\":\"not\",\"field\":{\"type\":\"in\",\"dimension\":\"user\","
          + "\"values\":[\"u1\",\"u2\"]}}]}}",
      "{\"filter\":{\"type\":\"or\",\"fields\":[{\"type\":\"selector\",\"dimension\":\"user\",\"value\":null},"
          + "{\"type\":\"selector\",\"dimension\":\"tags\",\"value\":\"x\"}]}}",
      "{\"filter\":{\"type\":\"not\",\"field\":{\"type\":\"selector\",\"dimension\":\"tags\",\"value\":\"x\"}}}",
      "{\"filter\":{\"type\":\"not\",\"field\":{\"type\":\"selector\",\"dimension\":\"n\",\"value\":\"3\"}},"
          + "\"searchDimensions\":[{\"type\":\"default\",\"dimension\":\"user\",\"outputName\":\"who\"},\"n\",\"tags\"]}",
      "{\"filter\":{\"type\":\"in\",\"dimension\":\"n\",\"values\":[\"2\",\"4.0\",null]},\"granularity\":\"hour\"}",
      "{\"filter\":{\"type\":\"selector\",\"dimension\":\"nope\",\"value\":null},\"searchDimensions\":[\"url\",\"nope\"]}",
      "{\"filter\":{\"type\":\"not\",\"field\":{\"type\":\"selector\",\"dimension\":\"nope\",\"value\":\"x\"}}}",
      "{\"filter\":{\"type\":\"not\",\"field\":{\"type\":\"not\",\"field\":{\"type\":\"selector\",\"dimension\":"
          + "\"user\",\"value\":\"u3\"}}},\"query\":{\"type\":\"all\"},\"searchDimensions\":[\"user\",\"url\"]}",
      "{\"intervals\":[\"2018-03-06T10:00/2018-03-06T10:01\"],\"searchDimensions\":[\"url\"],\"limit\":4}",
      "{\"intervals\":[\"2018-03-07/2018-03-08\"]}",
      "{" + VCS + ",\"searchDimensions\":[\"uu\",\"n10\",\"tx\"]}",
      "{" + VCS + ",\"searchDimensions\":[\"uu\",\"tx\",\"url\"],\"query\":{\"type\":\"contains\",\"value\":\"X\"},"
          + "\"granularity\":\"hour\"}",
      "{" + VCS + ",\"searchDimensions\":[{\"type\":\"default\",\"dimension\":\"n10\",\"outputName\":\"ten\"}],"
          + "\"filter\":{\"type\":\"in\",\"dimension\":\"n10\",\"values\":[\"20\",\"50\",null]}}",
      "{" + VCS + ",\"filter\":{\"type\":\"and\",\"fields\":[{\"type\":\"selector\",\"dimension\":\"uu\","
          + "\"value\":\"U1\"},{\"type\":\"not\",\"field\":{\"type\":\"selector\",\"dimension\":\"tx\",\"value\":\"x!\"}}]}}",
      "{" + VCS + ",\"filter\":{\"type\":\"selector\",\"dimension\":\"url\",\"value\":\"/b\"},"
          + "\"searchDimensions\":[\"user\",\"uu\"],\"sort\":{\"type\":\"strlen\"}}",
      "{" + VCS + ",\"filter\":{\"type\":\"selector\",\"dimension\":\"user\",\"value\":\"v-/a\"}}",
      "{" + VCS + ",\"filter\":{\"type\":\"or\",\"fields\":[{\"type\":\"selector\",\"dimension\":\"uu\","
          + "\"value\":null},{\"type\":\"selector\",\"dimension\":\"n10\",\"value\":\"30\"}]}}",
  })
  void engineAgreesWithBruteForce(String fields) throws Exception {
    for (SeedData.Form form : SeedData.Form.values()) {
      engineAgreesWithBruteForce(form, fields);
    }
  }

  private void engineAgreesWithBruteForce(SeedData.Form form, String fields) throws Exception {
    String json = "{\"queryType\":\"search\",\"dataSource\":\"" + DS + "\",\"intervals\":[\"2018-03-06/2018-03-07\"],"
        + fields.substring(1);
    SearchQuery query = (SearchQuery) JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class,
        "query");
    List<?> actual = new QueryExecutor(REGISTRIES.get(form)).run(query);
    List<Result<SearchResultValue>> expected = bruteForce(query);
    assertEquals(MAPPER.writeValueAsString(expected), MAPPER.writeValueAsString(actual), form + " " + json);
  }

  @Test
  void bruteForceHasSomethingToCompare() {
    assertFalse(storedRows.isEmpty());
    assertEquals(3, storedRows.size());
  }

  // ---- brute force ----

  private static List<Result<SearchResultValue>> bruteForce(SearchQuery q) {
    List<Result<SearchResultValue>> partials = new ArrayList<>();
    int limit = Math.min(q.getLimit(), 1000);
    for (Map.Entry<Long, List<StoredRow>> segment : storedRows.entrySet()) {
      Interval segmentInterval = new Interval(segment.getKey(), segment.getKey() + HOUR, DateTimeZone.UTC);
      for (Interval interval : q.getIntervals()) {
        if (!interval.overlaps(segmentInterval)) {
          continue;
        }
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        for (StoredRow row : segment.getValue()) {
          Map<String, List<String>> vals = columns(q, row);
          if (!interval.contains(row.time()) || (q.getFilter() != null && eval(q.getFilter(), vals) != Tri.TRUE)) {
            continue;
          }
          for (DimensionSpec dim : dims(q)) {
            for (String v : new LinkedHashSet<>(vals.getOrDefault(dim.getDimension(), nullList()))) {
              if (q.getQuerySpec().accept(v)) {
                counts.merge(Arrays.asList(dim.getOutputName(), v), 1, Integer::sum);
              }
            }
          }
        }
        partials.add(new Result<>(segment.getKey(), new SearchResultValue(sorted(counts, q.getSort(), limit))));
      }
    }
    return merge(q, partials, limit);
  }

  /**
   * The columns the query sees in {@code row}: stored ones, then the virtual ones it declares
   * (those of {@link #VCS}): user = "v-" + url shadows the stored user and is what uu = upper(user)
   * reads; n10 = n * 10; tx = each tag + "!". Null stays null.
   */
  private static Map<String, List<String>> columns(SearchQuery q, StoredRow row) {
    Map<String, List<String>> out = new HashMap<>(row.values());
    if (q.getVirtualColumns().isEmpty()) {
      return out;
    }
    out.put("user", map(out.get("url"), v -> "v-" + v));
    out.put("uu", map(out.get("user"), v -> v.toUpperCase(java.util.Locale.ROOT)));
    out.put("n10", map(out.get("n"), v -> String.valueOf(Long.parseLong(v) * 10)));
    out.put("tx", map(out.get("tags"), v -> v + "!"));
    return out;
  }

  private static List<DimensionSpec> dims(SearchQuery q) {
    if (!q.getSearchDimensions().isEmpty()) {
      return q.getSearchDimensions();
    }
    List<DimensionSpec> all = new ArrayList<>();
    DIMS.forEach(d -> all.add(DefaultDimensionSpec.of(d)));
    return all;
  }

  private static List<Result<SearchResultValue>> merge(SearchQuery q, List<Result<SearchResultValue>> partials,
      int limit) {
    if (partials.isEmpty()) {
      return List.of();
    }
    Granularity g = q.getGranularity();
    boolean all = g instanceof AllGranularity;
    Map<Long, List<Result<SearchResultValue>>> groups = new TreeMap<>();
    for (Result<SearchResultValue> p : partials) {
      groups.computeIfAbsent(all ? 0L : g.bucketStart(p.getTimestampMillis()), k -> new ArrayList<>()).add(p);
    }
    List<Result<SearchResultValue>> out = new ArrayList<>();
    groups.forEach((bucket, group) -> {
      if (group.size() == 1 && !all) {
        out.add(group.get(0));
        return;
      }
      Map<List<String>, Integer> counts = new LinkedHashMap<>();
      long first = Long.MAX_VALUE;
      for (Result<SearchResultValue> p : group) {
        first = Math.min(first, p.getTimestampMillis());
        p.getValue().hits().forEach(h -> counts.merge(Arrays.asList(h.dimension(), h.value()), h.count(), Integer::sum));
      }
      out.add(new Result<>(all ? first : bucket, new SearchResultValue(sorted(counts, q.getSort(),
          all ? limit : Integer.MAX_VALUE))));
    });
    return out;
  }

  private static List<SearchHit> sorted(Map<List<String>, Integer> counts, SearchSortSpec sort, int limit) {
    List<SearchHit> hits = new ArrayList<>();
    counts.forEach((k, c) -> hits.add(new SearchHit(k.get(0), k.get(1), c)));
    hits.sort(Comparator.comparing(SearchHit::value, sort.getOrdering()).thenComparing(SearchHit::dimension)
        .thenComparing(SearchHit::value, Comparator.nullsFirst(Comparator.naturalOrder())));
    return hits.size() > limit ? hits.subList(0, limit) : hits;
  }

  private static List<String> nullList() {
    return Arrays.asList((String) null);
  }

  /** SQL three-valued logic. */
  private enum Tri { TRUE, FALSE, UNKNOWN }

  private static Tri eval(DimFilter filter, Map<String, List<String>> row) {
    if (filter instanceof SelectorDimFilter s) {
      return valueIn(s.getDimension(), Arrays.asList(s.getValue()), row);
    }
    if (filter instanceof InDimFilter in) {
      return valueIn(in.getDimension(), in.getValues(), row);
    }
    if (filter instanceof NotDimFilter not) {
      Tri t = eval(not.getField(), row);
      return t == Tri.UNKNOWN ? t : t == Tri.TRUE ? Tri.FALSE : Tri.TRUE;
    }
    List<DimFilter> fields = filter instanceof AndDimFilter and ? and.getFields() : ((OrDimFilter) filter).getFields();
    Tri decisive = filter instanceof AndDimFilter ? Tri.FALSE : Tri.TRUE;
    boolean unknown = false;
    for (DimFilter f : fields) {
      Tri t = eval(f, row);
      if (t == decisive) {
        return t;
      }
      unknown |= t == Tri.UNKNOWN;
    }
    return unknown ? Tri.UNKNOWN : decisive == Tri.FALSE ? Tri.TRUE : Tri.FALSE;
  }

  private static Tri valueIn(String dim, List<String> set, Map<String, List<String>> row) {
    List<String> vals = row.getOrDefault(dim, nullList());
    if (dim.equals("n") || dim.equals("n10")) {
      String v = vals.get(0);
      if (v == null) {
        return set.contains(null) ? Tri.TRUE : Tri.UNKNOWN;
      }
      for (String s : set) {
        if (s != null && new BigDecimal(s).compareTo(new BigDecimal(v)) == 0) {
          return Tri.TRUE;
        }
      }
      return Tri.FALSE;
    }
    Set<String> wanted = new LinkedHashSet<>(set);
    for (String v : vals) {
      if (wanted.contains(v)) {
        return Tri.TRUE;
      }
    }
    return vals.stream().anyMatch(Objects::isNull) ? Tri.UNKNOWN : Tri.FALSE;
  }
}
