package io.kafkaindexing.query.topn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkaindexing.query.ordering.StringComparators;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InvertedTopNMetricSpecTest {
  private final Comparator<Object> inverted =
      new InvertedTopNMetricSpec(new DimensionTopNMetricSpec(StringComparators.LEXICOGRAPHIC, null)).comparator(null);

  @Test
  void nullsCompareEqualToEachOtherAndOrderConsistently() {
    assertEquals(0, inverted.compare(null, null));
    List<Object> values = new ArrayList<>();
    Random random = new Random(42);
    for (int i = 0; i < 500; i++) {
      values.add(random.nextInt(4) == 0 ? null : "v" + random.nextInt(50));
    }
    for (Object a : values.subList(0, 60)) {
      for (Object b : values.subList(0, 60)) {
        assertEquals(Integer.signum(inverted.compare(a, b)), -Integer.signum(inverted.compare(b, a)), a + " vs " + b);
      }
    }
    values.sort(inverted);
    int nulls = (int) values.stream().filter(v -> v == null).count();
    for (int i = 0; i < nulls; i++) {
      assertEquals(null, values.get(i), "inverted dimension order: null first, as the inverse of nulls last");
    }
    for (int i = nulls + 1; i < values.size(); i++) {
      assertEquals(true, ((String) values.get(i - 1)).compareTo((String) values.get(i)) >= 0, "descending values");
    }
  }
}
