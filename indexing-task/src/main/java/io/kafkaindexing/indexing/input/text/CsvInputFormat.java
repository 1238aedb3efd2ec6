package io.kafkaindexing.indexing.input.text;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kafkaindexing.indexing.input.ParseException;
import java.util.List;

/**
 * {@code {"type": "csv"}}: comma-separated lines with RFC 4180 quoting ({@link CsvLineParser});
 * {@code columns}, {@code findColumnsFromHeader} (or the deprecated {@code hasHeaderRow}),
 * {@code skipHeaderRows}, {@code listDelimiter} and {@code tryParseNumbers} as in Druid (see
 * {@link FlatTextInputFormat}). Immutable and thread-safe.
 */
@JsonPropertyOrder({"type", "columns", "listDelimiter", "findColumnsFromHeader", "skipHeaderRows", "tryParseNumbers"})
public final class CsvInputFormat extends FlatTextInputFormat {
  public static final String TYPE = "csv";

  @JsonCreator
  public CsvInputFormat(@JsonProperty("columns") List<String> columns,
      @JsonProperty("listDelimiter") String listDelimiter,
      @JsonProperty("hasHeaderRow") Boolean hasHeaderRow,
      @JsonProperty("findColumnsFromHeader") Boolean findColumnsFromHeader,
      @JsonProperty("skipHeaderRows") Integer skipHeaderRows,
      @JsonProperty("tryParseNumbers") Boolean tryParseNumbers) {
    super(columns, listDelimiter, ",", hasHeaderRow, findColumnsFromHeader, skipHeaderRows, tryParseNumbers);
  }

  @Override
  protected List<String> splitLine(String line) throws ParseException {
    return CsvLineParser.parse(line);
  }
}
