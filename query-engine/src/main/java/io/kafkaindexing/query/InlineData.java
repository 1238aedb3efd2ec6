package io.kafkaindexing.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.groupby.GroupByResultRow;
import io.kafkaindexing.query.scan.ScanResultValue;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.incremental.IncrementalIndexSchema;
import io.kafkaindexing.segment.read.ColumnNames;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import io.kafkaindexing.segment.spec.DimensionSchema;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The rows of an {@code inline} data source: {@code columnNames}, their {@code columnTypes}
 * ({@code STRING}, {@code LONG}, {@code FLOAT}, {@code DOUBLE}; absent means string) or a
 * {@code columnSignature} ({@code [{"name", "type"}]}), and {@code rows} (arrays in column order; a
 * list value is a multi-value string). An {@code __time} column (epoch millis) gives the row times,
 * otherwise every row is at 0 (1970-01-01). Read as one segment without rollup. Immutable.
 */
public final class InlineData {
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private final List<String> columnNames;
  private final List<String> columnTypes;
  private final List<List<Object>> rows;

  private InlineData(List<String> columnNames, List<String> columnTypes, List<List<Object>> rows) {
    this.columnNames = List.copyOf(columnNames);
    this.columnTypes = List.copyOf(columnTypes);
    this.rows = rows;
  }

  /** Reads the inline data source object, naming the field at fault when it is invalid. */
  static InlineData fromJson(JsonNode node) {
    List<String> names = new ArrayList<>();
    List<String> types = new ArrayList<>();
    if (node.hasNonNull("columnSignature")) {
      for (JsonNode column : node.get("columnSignature")) {
        names.add(column.path("name").asText(null));
        types.add(column.hasNonNull("type") ? column.get("type").asText() : "STRING");
      }
    } else {
      node.path("columnNames").forEach(n -> names.add(n.asText(null)));
      node.path("columnTypes").forEach(t -> types.add(t.isNull() ? "STRING" : t.asText()));
      if (types.isEmpty()) {
        names.forEach(n -> types.add("STRING"));
      }
    }
    if (names.isEmpty() || names.contains(null)) {
      throw DruidException.invalidInput("Field[dataSource.columnNames] of an inline data source must name its columns");
    }
    if (types.size() != names.size()) {
      throw DruidException.invalidInput("Field[dataSource.columnTypes] of an inline data source must give one type "
          + "per column: %d columns, %d types", names.size(), types.size());
    }
    for (int i = 0; i < types.size(); i++) {
      String t = types.get(i).trim().toUpperCase(Locale.ROOT);
      if (!List.of("STRING", "LONG", "FLOAT", "DOUBLE").contains(t)) {
        throw DruidException.invalidInput("Field[dataSource.columnTypes] has an unsupported type[%s] for column[%s]: "
            + "expected STRING, LONG, FLOAT or DOUBLE", types.get(i), names.get(i));
      }
      types.set(i, t);
    }
    JsonNode rowsNode = node.get("rows");
    if (rowsNode == null || !rowsNode.isArray()) {
      throw DruidException.invalidInput("Field[dataSource.rows] of an inline data source must be a list of rows");
    }
    List<List<Object>> rows = new ArrayList<>();
    for (JsonNode row : rowsNode) {
      if (!row.isArray() || row.size() != names.size()) {
        throw DruidException.invalidInput("Field[dataSource.rows] must hold arrays of %d values, got[%s]",
            names.size(), row);
      }
      List<Object> values = new ArrayList<>();
      row.forEach(v -> values.add(PLAIN.convertValue(v, Object.class)));
      rows.add(values);
    }
    return new InlineData(names, types, rows);
  }

  /**
   * The results of a subquery as rows: {@code __time} (the result's timestamp) and the fields of
   * each timeseries, timeBoundary or dataSourceMetadata result, topN entry, groupBy event or scan
   * row. Column types come from the first non-null value (whole numbers {@code LONG}, other numbers
   * {@code DOUBLE}, the rest {@code STRING}).
   *
   * @throws DruidException when the results are of a query type that has no rows (search, segmentMetadata)
   */
  static InlineData fromResults(Query subquery, List<?> results) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (Object r : results) {
      if (r instanceof GroupByResultRow row) {
        records.add(record(row.timestamp().getMillis(), row.event()));
      } else if (r instanceof ScanResultValue batch) {
        for (Object event : batch.events()) {
          records.add(scanRecord(batch.columns(), event));
        }
      } else if (r instanceof Result<?> result && result.hasTimestamp() && result.getValue() instanceof Map<?, ?> map) {
        records.add(record(result.getTimestampMillis(), map));
      } else if (r instanceof Result<?> result && result.hasTimestamp() && result.getValue() instanceof List<?> list
          && list.stream().allMatch(Map.class::isInstance)) {
        list.forEach(entry -> records.add(record(result.getTimestampMillis(), (Map<?, ?>) entry)));
      } else if (!(r instanceof Result<?> result && !result.hasTimestamp())) {
        throw DruidException.invalidInput("Field[dataSource.query] has queryType[%s], whose results cannot be read as "
            + "a table", subquery.getType());
      }
    }
    List<String> names = new ArrayList<>();
    records.forEach(rec -> rec.keySet().forEach(k -> {
      if (!names.contains(k)) {
        names.add(k);
      }
    }));
    List<String> types = new ArrayList<>();
    for (String name : names) {
      Object sample = records.stream().map(rec -> rec.get(name)).filter(Objects::nonNull).findFirst().orElse(null);
      types.add(ColumnNames.TIME.equals(name) || sample instanceof Long || sample instanceof Integer ? "LONG"
          : sample instanceof Number ? "DOUBLE" : "STRING");
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Map<String, Object> rec : records) {
      List<Object> row = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        Object v = rec.get(names.get(i));
        row.add(v == null || v instanceof Number || v instanceof List<?> ? v : types.get(i).equals("STRING")
            ? v.toString() : v);
      }
      rows.add(row);
    }
    return new InlineData(names, types, rows);
  }

  private static Map<String, Object> record(long time, Map<?, ?> fields) {
    Map<String, Object> rec = new LinkedHashMap<>();
    rec.put(ColumnNames.TIME, time);
    fields.forEach((k, v) -> rec.put(String.valueOf(k), v));
    return rec;
  }

  private static Map<String, Object> scanRecord(List<String> columns, Object event) {
    Map<String, Object> rec = new LinkedHashMap<>();
    if (event instanceof Map<?, ?> map) {
      map.forEach((k, v) -> rec.put(String.valueOf(k), v));
    } else if (event instanceof List<?> values) {
      for (int i = 0; i < columns.size() && i < values.size(); i++) {
        rec.put(columns.get(i), values.get(i));
      }
    }
    return rec;
  }

  /** The JSON object form, {@code {"type": "inline", "columnNames", "columnTypes", "rows"}}. */
  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", "inline");
    json.put("columnNames", columnNames);
    json.put("columnTypes", columnTypes);
    json.put("rows", rows);
    return json;
  }

  /** The number of rows. */
  public int numRows() {
    return rows.size();
  }

  /** A new in-memory segment holding the rows (no rollup, no metrics). */
  public IncrementalIndex toSegment() {
    int timeColumn = columnNames.indexOf(ColumnNames.TIME);
    List<DimensionSchema> dims = new ArrayList<>();
    List<String> dimNames = new ArrayList<>();
    for (int i = 0; i < columnNames.size(); i++) {
      if (i != timeColumn) {
        dims.add(new DimensionSchema(columnNames.get(i), columnTypes.get(i), DimensionSchema.MultiValueHandling.ARRAY,
            null));
        dimNames.add(columnNames.get(i));
      }
    }
    long minTime = 0;
    List<MapBasedInputRow> inputRows = new ArrayList<>();
    for (List<Object> row : rows) {
      long time = timeColumn < 0 || row.get(timeColumn) == null ? 0L : ((Number) row.get(timeColumn)).longValue();
      minTime = inputRows.isEmpty() ? time : Math.min(minTime, time);
      Map<String, Object> event = new LinkedHashMap<>();
      for (int i = 0; i < columnNames.size(); i++) {
        if (i != timeColumn) {
          event.put(columnNames.get(i), row.get(i));
        }
      }
      inputRows.add(new MapBasedInputRow(time, dimNames, event));
    }
    IncrementalIndex index = new IncrementalIndex(IncrementalIndexSchema.builder().minTimestamp(minTime)
        .timestampSpec(new TimestampSpec(ColumnNames.TIME, "millis", null)).queryGranularity(Granularities.NONE)
        .dimensionsSpec(new DimensionsSpec(dims, null, null, null)).rollup(false).build());
    inputRows.forEach(index::add);
    return index;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InlineData that && columnNames.equals(that.columnNames)
        && columnTypes.equals(that.columnTypes) && rows.equals(that.rows);
  }

  @Override
  public int hashCode() {
    return Objects.hash(columnNames, columnTypes, rows);
  }
}
