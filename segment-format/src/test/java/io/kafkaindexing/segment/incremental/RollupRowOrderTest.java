package io.kafkaindexing.segment.incremental;

import static io.kafkaindexing.segment.incremental.Rows.row;
import static io.kafkaindexing.segment.incremental.Rows.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.read.ColumnNames;
import io.kafkaindexing.segment.read.Cursor;
import io.kafkaindexing.segment.read.SegmentView;
import io.kafkaindexing.segment.spec.DimensionSchema;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.junit.jupiter.api.Test;

/**
 * The order in which cursors read rows of equal time: Druid's rollup index orders them by dimension
 * values (not arrival order nor dictionary ids), its non-rollup index keeps arrival order.
 */
class RollupRowOrderTest {
  private static final Interval ALL = new Interval(0L, Long.MAX_VALUE / 2, DateTimeZone.UTC);
  private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

  private static IncrementalIndex index(boolean rollup) {
    DimensionsSpec dims = new DimensionsSpec(List.of(DimensionSchema.of("user"), DimensionSchema.of("tags"),
        new DimensionSchema("n", "long", null, null)), null, null, null);
    return new IncrementalIndex(IncrementalIndexSchema.builder().minTimestamp(t("2018-03-06T09:00:00Z"))
        .queryGranularity(Granularities.MINUTE).dimensionsSpec(dims)
        .metrics(new CountAggregatorFactory("rows")).rollup(rollup).build());
  }

  /** "minute|user|tags|n|rows" per row, in cursor order. */
  private static List<String> dump(IncrementalIndex index) {
    List<String> out = new ArrayList<>();
    try (SegmentView view = index.open()) {
      Cursor cursor = view.makeCursor(ALL);
      ColumnSelectorFactory f = cursor.getColumnSelectorFactory();
      List<ColumnValueSelector> columns = new ArrayList<>();
      for (String c : List.of(ColumnNames.TIME, "user", "tags", "n", "rows")) {
        columns.add(f.makeColumnValueSelector(c));
      }
      for (; !cursor.isDone(); cursor.advance()) {
        StringBuilder sb = new StringBuilder();
        for (ColumnValueSelector c : columns) {
          Object v = c == columns.get(0) ? (Object) ((c.getLong() / 60_000L) % 60) : c.getObject();
          sb.append(sb.length() == 0 ? "" : "|").append(v);
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  /** Arrival order differs from both value order and from dictionary-id order within minute 5. */
  private static void addFirstBatch(IncrementalIndex index) {
    index.add(row("2018-03-06T09:05:10Z", "user", "zed", "tags", List.of("b"), "n", 2));
    index.add(row("2018-03-06T09:05:11Z", "user", "bob", "tags", List.of("c", "a"), "n", 1));
    index.add(row("2018-03-06T09:01:00Z", "user", "zed"));
    index.add(row("2018-03-06T09:05:12Z", "user", "bob", "tags", List.of("a"), "n", 1));
    index.add(row("2018-03-06T09:05:13Z", "user", "alice", "tags", List.of("b")));
    index.add(row("2018-03-06T09:05:14Z", "tags", Arrays.asList("x", null), "n", 7));
    index.add(row("2018-03-06T09:05:15Z", "user", "bob", "tags", List.of("a"), "n", -3));
    index.add(row("2018-03-06T09:05:16Z", "user", "bob", "tags", List.of("c", "a"), "n", 1));
  }

  @Test
  void rollupReadsEqualTimesByDimensionValuesNullsFirst() {
    IncrementalIndex index = index(true);
    addFirstBatch(index);
    assertEquals(List.of(
        "1|zed|null|null|1",
        "5|null|[null, x]|7|1",
        "5|alice|b|null|1",
        "5|bob|a|-3|1",
        "5|bob|a|1|1",
        "5|bob|[a, c]|1|2",
        "5|zed|b|2|1"), dump(index));
  }

  @Test
  void rowsAddedAfterAReadAreMergedIntoTheOrder() {
    IncrementalIndex index = index(true);
    addFirstBatch(index);
    dump(index);
    index.add(row("2018-03-06T09:05:20Z", "user", "bob", "tags", List.of("a", "b", "c"), "n", 1));
    index.add(row("2018-03-06T09:05:21Z", "user", "aaron"));
    index.add(row("2018-03-06T09:05:22Z", "user", "zed", "tags", List.of("b"), "n", 2));
    index.add(row("2018-03-06T09:01:30Z", "user", "amy"));
    assertEquals(List.of(
        "1|amy|null|null|1",
        "1|zed|null|null|1",
        "5|null|[null, x]|7|1",
        "5|aaron|null|null|1",
        "5|alice|b|null|1",
        "5|bob|a|-3|1",
        "5|bob|a|1|1",
        "5|bob|[a, b, c]|1|1",
        "5|bob|[a, c]|1|2",
        "5|zed|b|2|2"), dump(index));
  }

  @Test
  void randomRowsReadBetweenAddsAlwaysComeOutSorted() {
    Random random = new Random(77);
    String[] users = {"a", "b", "ab", "B", "", null};
    String[] tags = {"x", "y", "Y", null};
    IncrementalIndex index = index(true);
    Map<List<Object>, Long> expected = new TreeMap<>(RollupRowOrderTest::compareKeys);
    for (int i = 0; i < 3000; i++) {
      int minute = random.nextInt(3);
      String user = users[random.nextInt(users.length)];
      List<String> tagList = new ArrayList<>();
      for (int k = random.nextInt(3); k > 0; k--) {
        tagList.add(tags[random.nextInt(tags.length)]);
      }
      Long n = random.nextInt(4) == 0 ? null : (long) random.nextInt(3);
      index.add(row("2018-03-06T09:0" + minute + ":00Z", "user", user, "tags", tagList, "n", n));
      List<String> sortedTags = new ArrayList<>(tagList);
      sortedTags.sort(Comparator.nullsFirst(Comparator.naturalOrder()));
      Object tagsValue = sortedTags.isEmpty() || sortedTags.equals(Arrays.asList((String) null)) ? null
          : sortedTags.size() == 1 ? sortedTags.get(0) : sortedTags;
      expected.merge(Arrays.asList(minute, user, tagsValue, n), 1L, Long::sum);
      if (random.nextInt(200) == 0) {
        assertEquals(render(expected), dump(index), "after " + (i + 1) + " rows");
      }
    }
    assertEquals(render(expected), dump(index));
  }

  private static List<String> render(Map<List<Object>, Long> rows) {
    List<String> out = new ArrayList<>();
    rows.forEach((k, count) -> out.add(k.get(0) + "|" + k.get(1) + "|" + k.get(2) + "|" + k.get(3) + "|" + count));
    return out;
  }

  /** Minute, then user, tags (value by value, then shorter first) and n, nulls first. */
  private static int compareKeys(List<Object> a, List<Object> b) {
    int c = Integer.compare((Integer) a.get(0), (Integer) b.get(0));
    if (c == 0) {
      c = NULLS_FIRST.compare((String) a.get(1), (String) b.get(1));
    }
    if (c == 0) {
      c = compareTags(a.get(2), b.get(2));
    }
    if (c == 0) {
      c = Comparator.nullsFirst(Comparator.<Long>naturalOrder()).compare((Long) a.get(3), (Long) b.get(3));
    }
    return c;
  }

  private static int compareTags(Object a, Object b) {
    if (a == null || b == null) {
      return a == b ? 0 : a == null ? -1 : 1;
    }
    List<?> x = a instanceof List<?> l ? l : List.of(a);
    List<?> y = b instanceof List<?> l ? l : List.of(b);
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      int c = NULLS_FIRST.compare((String) x.get(i), (String) y.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }

  @Test
  void withoutRollupEqualTimesKeepArrivalOrder() {
    IncrementalIndex index = index(false);
    addFirstBatch(index);
    assertEquals(List.of(
        "1|zed|null|null|1",
        "5|zed|b|2|1",
        "5|bob|[a, c]|1|1",
        "5|bob|a|1|1",
        "5|alice|b|null|1",
        "5|null|[null, x]|7|1",
        "5|bob|a|-3|1",
        "5|bob|[a, c]|1|1"), dump(index));
  }
}
