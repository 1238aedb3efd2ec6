package io.kafkaindexing.indexing.input.text;

import static io.kafkaindexing.indexing.input.TestMappers.format;
import static io.kafkaindexing.indexing.input.TestMappers.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.indexing.input.InputFormat;
import io.kafkaindexing.indexing.input.TestMappers;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelimitedInputFormatTest {
  @Test
  void tabsByDefaultEmptyFieldsNullNoQuoting() throws Exception {
    InputFormat f = format("{'type':'tsv','columns':['a','b','c','d']}");
    assertEquals(Arrays.asList("x", null, "\"q\"", "y\u0002"),
        new java.util.ArrayList<>(f.read(record("x\t\t\"q\"\ty\u0002")).rows().get(0).fields().values()));
  }

  @Test
  void customDelimiterHeaderAndListDelimiter() throws Exception {
    InputFormat f = format("{'type':'tsv','delimiter':'||','findColumnsFromHeader':true,'listDelimiter':';'}");
    assertEquals(List.of(List.of("p", "q"), "2"),
        List.copyOf(f.read(record("a||b\np;q||2")).rows().get(0).fields().values()));
  }

  @Test
  void delimitedIsAnAliasOfTsv() throws Exception {
    InputFormat f = format("{'type':'delimited','columns':['a'],'delimiter':'|'}");
    assertTrue(f instanceof DelimitedInputFormat);
    assertEquals("{\"type\":\"tsv\",\"columns\":[\"a\"],\"delimiter\":\"|\"}",
        TestMappers.mapper().writeValueAsString(f));
    CsvInputFormatTest.assertMessage("Cannot have same delimiter and list delimiter of [|]",
        "{'type':'tsv','columns':['a'],'delimiter':'|','listDelimiter':'|'}");
  }
}
