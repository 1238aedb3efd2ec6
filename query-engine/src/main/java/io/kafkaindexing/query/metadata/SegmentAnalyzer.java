package io.kafkaindexing.query.metadata;

import io.kafkaindexing.query.QueryDeadline;
import io.kafkaindexing.query.QuerySegment;
import io.kafkaindexing.query.engine.ColumnTypes;
import io.kafkaindexing.query.metadata.SegmentMetadataQuery.AnalysisType;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.DimensionSelector;
import io.kafkaindexing.segment.column.IndexedInts;
import io.kafkaindexing.segment.read.ColumnIndexSupplier;
import io.kafkaindexing.segment.read.ColumnNames;
import io.kafkaindexing.segment.read.Cursor;
import io.kafkaindexing.segment.read.DictionaryEncodedValueIndex;
import io.kafkaindexing.segment.read.SegmentMetadata;
import io.kafkaindexing.segment.read.SegmentView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;

/**
 * Analyzes one segment for a {@code segmentMetadata} query as Druid's {@code SegmentAnalyzer}:
 * columns in segment order ({@code __time}, dimensions, metrics). Sizes (with {@code size}):
 * {@code __time} 10 bytes a row, longs and doubles 8, floats 8; strings the UTF-8 length of each
 * value times the rows holding it; the total adds one byte per column and row. String cardinality
 * counts null as a value; min and max are the first and last values in sorted order (null first).
 * {@code hasNulls} reflects the data. Aggregators are listed in the segment's metadata order (a
 * persisted Druid segment lists them by name, as its metric columns). Stateless.
 */
final class SegmentAnalyzer {
  private static final Interval ETERNITY = new Interval(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2, DateTimeZone.UTC);

  SegmentAnalysis analyze(SegmentMetadataQuery query, QuerySegment segment, QueryDeadline deadline) {
    SegmentView view = segment.view();
    int numRows = view.getNumRows();
    List<String> names = new ArrayList<>();
    names.add(ColumnNames.TIME);
    names.addAll(view.getDimensionNames());
    names.addAll(view.getMetricNames());
    Map<String, ColumnAnalysis> columns = new LinkedHashMap<>();
    long totalSize = query.analyzes(AnalysisType.SIZE) ? (long) names.size() * numRows : 0;
    for (String name : names) {
      deadline.check();
      ColumnAnalysis analysis = column(query, view, name);
      if (!analysis.isError()) {
        totalSize += analysis.size();
      }
      if (query.includes(name)) {
        columns.put(name, analysis);
      }
    }
    SegmentMetadata metadata = view.getMetadata();
    Map<String, AggregatorFactory> aggregators = null;
    if (query.analyzes(AnalysisType.AGGREGATORS) && metadata != null) {
      aggregators = new LinkedHashMap<>();
      for (AggregatorFactory a : metadata.aggregators()) {
        aggregators.put(a.getName(), a.getCombiningFactory());
      }
    }
    List<String> intervals = query.analyzes(AnalysisType.INTERVAL) ? List.of(view.getDataInterval().toString()) : null;
    Boolean rollup = null;
    if (query.analyzes(AnalysisType.ROLLUP)) {
      rollup = metadata == null || metadata.rollup() == null ? Boolean.TRUE : metadata.rollup();
    }
    return new SegmentAnalysis(segment.id().toString(), intervals, columns, totalSize, numRows, aggregators,
        query.analyzes(AnalysisType.TIMESTAMPSPEC) && metadata != null ? metadata.timestampSpec() : null,
        query.analyzes(AnalysisType.QUERYGRANULARITY) && metadata != null ? metadata.queryGranularity() : null,
        rollup);
  }

  private static ColumnAnalysis column(SegmentMetadataQuery query, SegmentView view, String name) {
    ColumnCapabilities caps = view.getColumnCapabilities(name);
    if (caps == null) {
      return ColumnAnalysis.error("unknown_type");
    }
    String type = ColumnTypes.name(caps);
    boolean size = query.analyzes(AnalysisType.SIZE);
    if (ColumnNames.TIME.equals(name)) {
      return new ColumnAnalysis(type, type, false, false, size ? 10L * view.getNumRows() : 0, null, null, null, null);
    }
    if (caps.type().isNumeric()) {
      return new ColumnAnalysis(type, type, caps.hasMultipleValues(), hasNumericNulls(view, name),
          size ? 8L * view.getNumRows() : 0, null, null, null, null);
    }
    return stringColumn(query, view, name, caps, type);
  }

  private static ColumnAnalysis stringColumn(SegmentMetadataQuery query, SegmentView view, String name,
      ColumnCapabilities caps, String type) {
    Map<String, Integer> rowsByValue = new HashMap<>();
    boolean hasNull = false;
    ColumnIndexSupplier supplier = view.getIndexSupplier(name);
    DictionaryEncodedValueIndex index = supplier == null ? null : supplier.as(DictionaryEncodedValueIndex.class);
    if (index != null) {
      for (int id = 0; id < index.getCardinality(); id++) {
        String v = index.getValue(id);
        if (v == null) {
          hasNull = true;
        } else {
          rowsByValue.put(v, index.getBitmap(id).getCardinality());
        }
      }
    } else {
      Cursor cursor = view.makeCursor(ETERNITY);
      DimensionSelector selector = cursor.getColumnSelectorFactory().makeDimensionSelector(name);
      for (; !cursor.isDone(); cursor.advance()) {
        IndexedInts row = selector.getRow();
        TreeSet<String> seen = new TreeSet<>();
        for (int i = 0; i < row.size(); i++) {
          String v = selector.lookupName(row.get(i));
          if (v == null) {
            hasNull = true;
          } else if (seen.add(v)) {
            rowsByValue.merge(v, 1, Integer::sum);
          }
        }
      }
    }
    long size = 0;
    if (query.analyzes(AnalysisType.SIZE)) {
      for (Map.Entry<String, Integer> e : rowsByValue.entrySet()) {
        size += (long) e.getKey().getBytes(StandardCharsets.UTF_8).length * e.getValue();
      }
    }
    int cardinality = rowsByValue.size() + (hasNull ? 1 : 0);
    String min = null;
    String max = null;
    if (query.analyzes(AnalysisType.MINMAX) && cardinality > 0) {
      TreeSet<String> sorted = new TreeSet<>(rowsByValue.keySet());
      min = hasNull || sorted.isEmpty() ? null : sorted.first();
      max = sorted.isEmpty() ? null : sorted.last();
    }
    return new ColumnAnalysis(type, type, caps.hasMultipleValues(), hasNull, size,
        query.analyzes(AnalysisType.CARDINALITY) ? cardinality : 0, min, max, null);
  }

  private static boolean hasNumericNulls(SegmentView view, String name) {
    Cursor cursor = view.makeCursor(ETERNITY);
    ColumnValueSelector selector = cursor.getColumnSelectorFactory().makeColumnValueSelector(name);
    for (; !cursor.isDone(); cursor.advance()) {
      if (selector.isNull()) {
        return true;
      }
    }
    return false;
  }
}
