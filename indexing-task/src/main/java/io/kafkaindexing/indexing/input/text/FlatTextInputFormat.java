package io.kafkaindexing.indexing.input.text;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.indexing.input.InputEntity;
import io.kafkaindexing.indexing.input.InputFormat;
import io.kafkaindexing.indexing.input.ParseException;
import io.kafkaindexing.indexing.input.RawRow;
import io.kafkaindexing.indexing.input.RawRows;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The shared part of Druid's {@code csv} and {@code tsv} formats. A record is split into lines; the
 * first {@code skipHeaderRows} lines are skipped, then with {@code findColumnsFromHeader} the next
 * line names the columns (in every record: each Kafka record is read on its own, as in Druid);
 * every other line is one row, its values zipped with the columns (extra values dropped, missing
 * ones absent) and split on {@code listDelimiter} into multi-value lists. A bad line fails alone.
 * Validation and messages follow Druid's. Immutable and thread-safe.
 */
public abstract class FlatTextInputFormat implements InputFormat {
  private final List<String> columns;
  private final String listDelimiter;
  private final String delimiter;
  private final boolean findColumnsFromHeader;
  private final int skipHeaderRows;
  private final boolean tryParseNumbers;
  private final ListValues values;

  protected FlatTextInputFormat(List<String> columns, String listDelimiter, String delimiter, Boolean hasHeaderRow,
      Boolean findColumnsFromHeader, Integer skipHeaderRows, Boolean tryParseNumbers) {
    this.columns = columns == null ? List.of() : List.copyOf(columns);
    this.listDelimiter = listDelimiter;
    this.delimiter = Objects.requireNonNull(delimiter, "delimiter");
    if (delimiter.isEmpty()) {
      throw new IllegalArgumentException("inputFormat.delimiter cannot be empty");
    }
    if (this.columns.isEmpty()) {
      if (hasHeaderRow != null && findColumnsFromHeader != null) {
        throw new IllegalArgumentException("Cannot accept both [findColumnsFromHeader] and [hasHeaderRow]");
      }
      if (hasHeaderRow == null && findColumnsFromHeader == null) {
        throw new IllegalArgumentException("Either [columns] or [findColumnsFromHeader] must be set");
      }
      this.findColumnsFromHeader = hasHeaderRow != null ? hasHeaderRow : findColumnsFromHeader;
      if (!this.findColumnsFromHeader) {
        throw new IllegalArgumentException("If [columns] is not set, the first row of your data must have your header"
            + " and [findColumnsFromHeader] must be set to true.");
      }
    } else {
      this.findColumnsFromHeader = Boolean.TRUE.equals(findColumnsFromHeader);
      Set<String> seen = new HashSet<>();
      for (String column : this.columns) {
        if (column.contains(delimiter)) {
          throw new IllegalArgumentException("Column[" + column + "] cannot have the delimiter[" + delimiter
              + "] in its name");
        }
        if (!seen.add(column)) {
          throw new IllegalArgumentException("Duplicate column entries found : [" + column + "]");
        }
      }
    }
    if (delimiter.equals(listDelimiter)) {
      throw new IllegalArgumentException("Cannot have same delimiter and list delimiter of [" + delimiter + "]");
    }
    this.skipHeaderRows = skipHeaderRows == null ? 0 : skipHeaderRows;
    if (this.skipHeaderRows < 0) {
      throw new IllegalArgumentException("inputFormat.skipHeaderRows must not be negative, got[" + skipHeaderRows
          + "]");
    }
    this.tryParseNumbers = Boolean.TRUE.equals(tryParseNumbers);
    this.values = new ListValues(listDelimiter, this.tryParseNumbers);
  }

  /** The fields of one line, null for empty ones. */
  protected abstract List<String> splitLine(String line) throws ParseException;

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public List<String> getColumns() {
    return columns;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String getListDelimiter() {
    return listDelimiter;
  }

  @JsonIgnore
  public String delimiter() {
    return delimiter;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public boolean isFindColumnsFromHeader() {
    return findColumnsFromHeader;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public int getSkipHeaderRows() {
    return skipHeaderRows;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public boolean isTryParseNumbers() {
    return tryParseNumbers;
  }

  @Override
  public RawRows read(InputEntity entity) throws ParseException {
    List<String> lines = Lines.split(entity.value());
    int next = Math.min(skipHeaderRows, lines.size());
    List<String> names = columns;
    if (findColumnsFromHeader) {
      if (next >= lines.size()) {
        return RawRows.independent(List.of());
      }
      names = header(splitLine(lines.get(next)));
      next++;
    }
    List<RawRow> rows = new ArrayList<>(lines.size() - next);
    for (int i = next; i < lines.size(); i++) {
      String line = lines.get(i);
      try {
        rows.add(RawRow.of(zip(names, splitLine(line))));
      } catch (ParseException e) {
        rows.add(RawRow.error(e.input() != null ? e : new ParseException(line, e.getMessage(), e)));
      }
    }
    return RawRows.independent(rows);
  }

  private static List<String> header(List<String> parsed) throws ParseException {
    List<String> names = new ArrayList<>(parsed.size());
    Set<String> seen = new LinkedHashSet<>();
    Set<String> duplicates = new LinkedHashSet<>();
    for (int i = 0; i < parsed.size(); i++) {
      String name = parsed.get(i) == null || parsed.get(i).isEmpty() ? "column_" + (i + 1) : parsed.get(i);
      if (!seen.add(name)) {
        duplicates.add(name);
      }
      names.add(name);
    }
    if (!duplicates.isEmpty()) {
      throw new ParseException(String.join(",", parsed.stream().map(String::valueOf).toList()),
          "Duplicate column entries found : " + duplicates, null);
    }
    return names;
  }

  private Map<String, Object> zip(List<String> names, List<String> fields) {
    Map<String, Object> row = new LinkedHashMap<>();
    int n = Math.min(names.size(), fields.size());
    for (int i = 0; i < n; i++) {
      row.put(names.get(i), values.convert(fields.get(i)));
    }
    return row;
  }

  @Override
  public boolean equals(Object o) {
    if (o == null || o.getClass() != getClass()) {
      return false;
    }
    FlatTextInputFormat that = (FlatTextInputFormat) o;
    return columns.equals(that.columns) && Objects.equals(listDelimiter, that.listDelimiter)
        && delimiter.equals(that.delimiter) && findColumnsFromHeader == that.findColumnsFromHeader
        && skipHeaderRows == that.skipHeaderRows && tryParseNumbers == that.tryParseNumbers;
  }

  @Override
  public int hashCode() {
    return Objects.hash(columns, listDelimiter, delimiter, findColumnsFromHeader, skipHeaderRows, tryParseNumbers);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{delimiter=\"" + delimiter + "\", listDelimiter="
        + (listDelimiter == null ? "null" : "\"" + listDelimiter + "\"") + ", findColumnsFromHeader="
        + findColumnsFromHeader + ", skipHeaderRows=" + skipHeaderRows + ", columns=" + columns + "}";
  }
}
