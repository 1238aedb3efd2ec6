package io.kafkaindexing.indexing.input.text;

import static io.kafkaindexing.indexing.input.TestMappers.format;
import static io.kafkaindexing.indexing.input.TestMappers.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.indexing.input.InputFormat;
import io.kafkaindexing.indexing.input.RawRows;
import io.kafkaindexing.indexing.input.TestMappers;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvInputFormatTest {
  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void columnsZipWithValuesOfEachLine() throws Exception {
    InputFormat f = format("{'type':'csv','columns':['ts','page','n']}");
    RawRows rows = f.read(record("2018-01-01T00:00:00Z,\"Gypsy, Danger\",57\r\n2018-01-01T01:00:00Z,x,1,extra\n"
        + "2018-01-01T02:00:00Z,only"));
    assertFalse(rows.isAllOrNothing());
    assertEquals(List.of(
        map("ts", "2018-01-01T00:00:00Z", "page", "Gypsy, Danger", "n", "57"),
        map("ts", "2018-01-01T01:00:00Z", "page", "x", "n", "1"),
        map("ts", "2018-01-01T02:00:00Z", "page", "only")), rows.fieldMaps());
  }

  @Test
  void quotingAndNullsFollowRfc4180InSqlCompatibleMode() throws Exception {
    InputFormat f = format("{'type':'csv','columns':['a','b','c','d']}");
    Map<String, Object> row = f.read(record("\"say \"\"hi\"\"\",,\"\",")).rows().get(0).fields();
    assertEquals(Arrays.asList("say \"hi\"", null, "", null), new java.util.ArrayList<>(row.values()));
    assertTrue(f.read(record("\"open,x")).rows().get(0).isError(), "an unterminated quote fails that line");
  }

  @Test
  void headerIsReadFromEveryRecordAfterSkippedRows() throws Exception {
    InputFormat f = format("{'type':'csv','findColumnsFromHeader':true,'skipHeaderRows':1}");
    RawRows rows = f.read(record("# exported\ntime,user,,tags\n2018-01-01T00:00:00Z,bob,1,a\u0001b\n"));
    assertEquals(List.of(map("time", "2018-01-01T00:00:00Z", "user", "bob", "column_3", "1",
        "tags", List.of("a", "b"))), rows.fieldMaps());
    assertTrue(f.read(record("# only a comment\n")).isEmpty());
    assertEquals(1, f.read(record("# c\ntime,user\n")).rows().size() + 1, "a header without rows gives no row");
  }

  @Test
  void duplicateHeaderColumnsMakeTheRecordUnparseable() {
    InputFormat f = format("{'type':'csv','findColumnsFromHeader':true}");
    Exception e = assertThrows(Exception.class, () -> f.read(record("a,b,a\n1,2,3")));
    assertEquals("Duplicate column entries found : [a]", e.getMessage());
  }

  @Test
  void listDelimiterAndNumbers() throws Exception {
    InputFormat f = format("{'type':'csv','columns':['a','b','c'],'listDelimiter':'|','tryParseNumbers':true}");
    assertEquals(map("a", List.of("x", "y"), "b", 12L, "c", List.of(1.5, "z")),
        f.read(record("x|y,12,1.5|z")).rows().get(0).fields());
  }

  @Test
  void validationAsDruid() {
    assertMessage("Either [columns] or [findColumnsFromHeader] must be set", "{'type':'csv'}");
    assertMessage("Cannot accept both [findColumnsFromHeader] and [hasHeaderRow]",
        "{'type':'csv','findColumnsFromHeader':true,'hasHeaderRow':true}");
    assertMessage("If [columns] is not set, the first row of your data must have your header",
        "{'type':'csv','findColumnsFromHeader':false}");
    assertMessage("Column[a,b] cannot have the delimiter[,] in its name", "{'type':'csv','columns':['a,b']}");
    assertMessage("Cannot have same delimiter and list delimiter of [,]",
        "{'type':'csv','columns':['a'],'listDelimiter':','}");
  }

  @Test
  void deprecatedHasHeaderRowAndRoundTrip() throws Exception {
    InputFormat f = format("{'type':'csv','hasHeaderRow':true}");
    assertTrue(((CsvInputFormat) f).isFindColumnsFromHeader());
    assertEquals("{\"type\":\"csv\",\"findColumnsFromHeader\":true}", TestMappers.mapper().writeValueAsString(f));
    InputFormat g = format("{'type':'csv','columns':['a','b'],'listDelimiter':';','skipHeaderRows':2}");
    assertEquals("{\"type\":\"csv\",\"columns\":[\"a\",\"b\"],\"listDelimiter\":\";\",\"skipHeaderRows\":2}",
        TestMappers.mapper().writeValueAsString(g));
    assertEquals(g, TestMappers.mapper().readValue(TestMappers.mapper().writeValueAsString(g), InputFormat.class));
  }

  static void assertMessage(String expected, String json) {
    Exception e = assertThrows(Exception.class, () -> format(json));
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append(" | ");
    }
    assertTrue(all.toString().contains(expected), all.toString());
  }
}
