package io.kafkaindexing.query.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.query.QueryTestMapper;
import io.kafkaindexing.query.filter.ColumnIndexes;
import io.kafkaindexing.query.filter.DimFilter;
import io.kafkaindexing.query.filter.FilterTestData;
import io.kafkaindexing.query.virtual.VirtualColumns;
import io.kafkaindexing.segment.read.SegmentView;
import org.junit.jupiter.api.Test;

/** How {@link IndexedFilter} splits filters between bitmap indexes and row-by-row matching. */
class IndexedFilterTest {
  private static final ObjectMapper MAPPER = QueryTestMapper.create();
  private static final String INDEXED = "{\"type\":\"like\",\"dimension\":\"s\",\"pattern\":\"a%\"}";
  private static final String INDEXED2 = "{\"type\":\"null\",\"column\":\"s2\"}";
  private static final String ROW_BY_ROW = "{\"type\":\"columnComparison\",\"dimensions\":[\"s\",\"s2\"]}";
  private static final String NUMERIC = "{\"type\":\"range\",\"column\":\"n\",\"matchValueType\":\"LONG\",\"lower\":1}";

  private static IndexedFilter plan(String json) throws Exception {
    try (SegmentView view = FilterTestData.INDEXES.values().iterator().next().open()) {
      return IndexedFilter.plan(MAPPER.readValue(json, DimFilter.class), new ColumnIndexes(view, VirtualColumns.EMPTY));
    }
  }

  @Test
  void indexableFiltersNeedNoResidual() throws Exception {
    IndexedFilter plan = plan("{\"type\":\"and\",\"fields\":[" + INDEXED + "," + INDEXED2 + "]}");
    assertNotNull(plan.rows());
    assertNull(plan.residual());
  }

  @Test
  void andKeepsIndexableFieldsInTheBitmapAndTheRestAsResidual() throws Exception {
    IndexedFilter plan = plan("{\"type\":\"and\",\"fields\":[" + INDEXED + "," + ROW_BY_ROW + "," + INDEXED2 + ","
        + NUMERIC + "]}");
    assertNotNull(plan.rows());
    assertEquals(MAPPER.readValue("{\"type\":\"and\",\"fields\":[" + ROW_BY_ROW + "," + NUMERIC + "]}",
        DimFilter.class), plan.residual());
    IndexedFilter single = plan("{\"type\":\"and\",\"fields\":[" + INDEXED + "," + ROW_BY_ROW + "]}");
    assertEquals(MAPPER.readValue(ROW_BY_ROW, DimFilter.class), single.residual());
  }

  @Test
  void otherFiltersWithoutIndexesAreWhollyRowByRow() throws Exception {
    String or = "{\"type\":\"or\",\"fields\":[" + INDEXED + "," + ROW_BY_ROW + "]}";
    IndexedFilter plan = plan(or);
    assertNull(plan.rows());
    assertEquals(MAPPER.readValue(or, DimFilter.class), plan.residual());
  }
}
