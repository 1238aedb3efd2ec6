package io.kafkaindexing.indexing.input.text;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code {"type": "tsv"}} (also accepted as {@code "delimited"}): lines split on {@code delimiter}
 * (default tab) with no quoting, empty fields null; the other fields as in {@link FlatTextInputFormat}.
 * Immutable and thread-safe.
 */
@JsonPropertyOrder({"type", "columns", "listDelimiter", "delimiter", "findColumnsFromHeader", "skipHeaderRows",
    "tryParseNumbers"})
public final class DelimitedInputFormat extends FlatTextInputFormat {
  public static final String TYPE = "tsv";
  public static final String ALIAS = "delimited";
  private static final String DEFAULT_DELIMITER = "\t";

  @JsonCreator
  public DelimitedInputFormat(@JsonProperty("columns") List<String> columns,
      @JsonProperty("listDelimiter") String listDelimiter,
      @JsonProperty("delimiter") String delimiter,
      @JsonProperty("hasHeaderRow") Boolean hasHeaderRow,
      @JsonProperty("findColumnsFromHeader") Boolean findColumnsFromHeader,
      @JsonProperty("skipHeaderRows") Integer skipHeaderRows,
      @JsonProperty("tryParseNumbers") Boolean tryParseNumbers) {
    super(columns, listDelimiter, delimiter == null ? DEFAULT_DELIMITER : delimiter, hasHeaderRow,
        findColumnsFromHeader, skipHeaderRows, tryParseNumbers);
  }

  @JsonProperty
  public String getDelimiter() {
    return delimiter();
  }

  @Override
  protected List<String> splitLine(String line) {
    String d = delimiter();
    List<String> fields = new ArrayList<>();
    int start = 0;
    while (true) {
      int at = line.indexOf(d, start);
      String field = at < 0 ? line.substring(start) : line.substring(start, at);
      fields.add(field.isEmpty() ? null : field);
      if (at < 0) {
        return fields;
      }
      start = at + d.length();
    }
  }
}
