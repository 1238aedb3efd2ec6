package io.kafkaindexing.indexing.input.text;

import static io.kafkaindexing.indexing.input.TestMappers.format;
import static io.kafkaindexing.indexing.input.TestMappers.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.indexing.input.InputFormat;
import io.kafkaindexing.indexing.input.RawRows;
import io.kafkaindexing.indexing.input.TestMappers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegexInputFormatTest {
  @Test
  void groupsBecomeColumnsAndBadLinesFailAlone() throws Exception {
    InputFormat f = format("{'type':'regex','pattern':'(\\\\S+) (\\\\S+) (.*)','columns':['time','user','tags'],"
        + "'listDelimiter':','}");
    RawRows rows = f.read(record("2018-01-01T00:00:00Z bob a,b\nnot matching\n2018-01-01T00:00:01Z ann x"));
    assertEquals(3, rows.rows().size());
    assertEquals(Map.of("time", "2018-01-01T00:00:00Z", "user", "bob", "tags", List.of("a", "b")),
        rows.rows().get(0).fields());
    assertTrue(rows.rows().get(1).isError());
    assertEquals("Unable to parse row [not matching]: Incorrect Regex: (\\S+) (\\S+) (.*) . No match found.",
        rows.rows().get(1).error().getMessage());
    assertEquals("x", rows.rows().get(2).fields().get("tags"));
  }

  @Test
  void defaultColumnNames() throws Exception {
    InputFormat f = format("{'type':'regex','pattern':'(\\\\d+)-(\\\\d+)'}");
    assertEquals(Map.of("column_1", "12", "column_2", "34"), f.read(record("12-34")).rows().get(0).fields());
  }

  @Test
  void invalidPatternIsRefusedAndRoundTrip() throws Exception {
    CsvInputFormatTest.assertMessage("inputFormat.pattern[(x] is not a valid regular expression",
        "{'type':'regex','pattern':'(x'}");
    CsvInputFormatTest.assertMessage("inputFormat.pattern is required", "{'type':'regex'}");
    InputFormat f = format("{'type':'regex','pattern':'(a)','columns':['x']}");
    assertEquals("{\"type\":\"regex\",\"pattern\":\"(a)\",\"columns\":[\"x\"]}",
        TestMappers.mapper().writeValueAsString(f));
  }
}
