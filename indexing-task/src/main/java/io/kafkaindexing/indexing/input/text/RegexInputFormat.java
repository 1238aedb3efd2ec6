package io.kafkaindexing.indexing.input.text;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kafkaindexing.indexing.input.InputEntity;
import io.kafkaindexing.indexing.input.InputFormat;
import io.kafkaindexing.indexing.input.ParseException;
import io.kafkaindexing.indexing.input.RawRow;
import io.kafkaindexing.indexing.input.RawRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code {"type": "regex"}}: each line of a record must match {@code pattern} as a whole; its
 * capturing groups are the values of {@code columns} in order (default {@code column_1},
 * {@code column_2}...), split on {@code listDelimiter} (default ctrl-A) into multi-value lists. A
 * line that does not match is one unparseable row. Immutable and thread-safe.
 */
@JsonPropertyOrder({"type", "pattern", "listDelimiter", "columns"})
public final class RegexInputFormat implements InputFormat {
  public static final String TYPE = "regex";

  private final String pattern;
  private final String listDelimiter;
  private final List<String> columns;
  private final Pattern compiled;
  private final ListValues values;

  @JsonCreator
  public RegexInputFormat(@JsonProperty("pattern") String pattern,
      @JsonProperty("listDelimiter") String listDelimiter,
      @JsonProperty("columns") List<String> columns) {
    if (pattern == null || pattern.isEmpty()) {
      throw new IllegalArgumentException("inputFormat.pattern is required for the regex format");
    }
    try {
      this.compiled = Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("inputFormat.pattern[" + pattern + "] is not a valid regular expression: "
          + e.getDescription() + " near index " + e.getIndex());
    }
    this.pattern = pattern;
    this.listDelimiter = listDelimiter;
    this.columns = columns == null ? null : List.copyOf(columns);
    this.values = new ListValues(listDelimiter, false);
  }

  @JsonProperty
  public String getPattern() {
    return pattern;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String getListDelimiter() {
    return listDelimiter;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public List<String> getColumns() {
    return columns;
  }

  @Override
  public RawRows read(InputEntity entity) {
    List<RawRow> rows = new ArrayList<>();
    for (String line : Lines.split(entity.value())) {
      Matcher m = compiled.matcher(line);
      if (!m.matches()) {
        rows.add(RawRow.error(new ParseException(line, "Unable to parse row [" + line + "]: Incorrect Regex: "
            + pattern + " . No match found.", null)));
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      int n = columns == null ? m.groupCount() : Math.min(columns.size(), m.groupCount());
      for (int i = 0; i < n; i++) {
        String name = columns == null ? "column_" + (i + 1) : columns.get(i);
        row.put(name, values.convert(m.group(i + 1)));
      }
      rows.add(RawRow.of(row));
    }
    return RawRows.independent(rows);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegexInputFormat that && pattern.equals(that.pattern)
        && Objects.equals(listDelimiter, that.listDelimiter) && Objects.equals(columns, that.columns);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pattern, listDelimiter, columns);
  }

  @Override
  public String toString() {
    return "RegexInputFormat{pattern=" + pattern + ", columns=" + columns + "}";
  }
}
