package io.kafkaindexing.indexing.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.indexing.input.InputFormat;
import io.kafkaindexing.indexing.input.TestMappers;
import io.kafkaindexing.indexing.input.json.JsonInputFormat;
import io.kafkaindexing.indexing.input.text.CsvInputFormat;
import io.kafkaindexing.indexing.input.text.DelimitedInputFormat;
import io.kafkaindexing.indexing.input.text.RegexInputFormat;
import org.junit.jupiter.api.Test;

/** The legacy {@code parser}/{@code parseSpec} forms map onto the input formats. */
class LegacyParseSpecTest {
  private static final ObjectMapper MAPPER = TestMappers.mapper();

  private static DataSchema schema(String parseSpec) throws Exception {
    String json = ("{'dataSource':'ds','parser':{'type':'string','parseSpec':" + parseSpec + "}}").replace('\'', '"');
    return MAPPER.readValue(json, DataSchema.class);
  }

  private static String json(InputFormat f) throws Exception {
    return MAPPER.writeValueAsString(f);
  }

  @Test
  void everyFormatMapsOntoItsInputFormat() throws Exception {
    DataSchema json = schema("{'format':'json','timestampSpec':{'column':'t','format':'iso'},"
        + "'dimensionsSpec':{'dimensions':['a']},'flattenSpec':{'fields':[{'type':'path','name':'a','expr':'$.x.a'}]}}");
    assertTrue(json.legacyInputFormat() instanceof JsonInputFormat);
    assertEquals("{\"type\":\"json\",\"flattenSpec\":{\"useFieldDiscovery\":true,\"fields\":[{\"type\":\"path\","
        + "\"name\":\"a\",\"expr\":\"$.x.a\"}]}}", json(json.legacyInputFormat()));
    assertEquals("t", json.getTimestampSpec().getTimestampColumn());
    assertEquals(java.util.List.of("a"), json.getDimensionsSpec().getDimensionNames());

    DataSchema csv = schema("{'format':'csv','timestampSpec':{'column':'t'},'columns':['t','a'],'listDelimiter':'|',"
        + "'hasHeaderRow':false}");
    assertEquals(new CsvInputFormat(java.util.List.of("t", "a"), "|", null, null, null, null),
        csv.legacyInputFormat());

    DataSchema tsv = schema("{'timestampSpec':{'column':'t'},'columns':['t','a'],'delimiter':'|'}");
    assertEquals(new DelimitedInputFormat(java.util.List.of("t", "a"), null, "|", null, null, null, null),
        tsv.legacyInputFormat(), "tsv is the default format, as in Druid");

    DataSchema regex = schema("{'format':'regex','timestampSpec':{'column':'t'},'pattern':'(.*) (.*)',"
        + "'columns':['t','a']}");
    assertEquals(new RegexInputFormat("(.*) (.*)", null, java.util.List.of("t", "a")), regex.legacyInputFormat());
  }

  @Test
  void invalidLegacySpecsAreRefusedNamingTheField() {
    assertRefused("dataSchema.parser.parseSpec.format[avro] is not supported", "{'format':'avro',"
        + "'timestampSpec':{'column':'t'}}");
    assertRefused("Either [columns] or [findColumnsFromHeader] must be set", "{'format':'tsv',"
        + "'timestampSpec':{'column':'t'}}");
    assertRefused("parseSpec.columns must be a JSON array", "{'format':'csv','timestampSpec':{'column':'t'},"
        + "'columns':'t,a'}");
  }

  private static void assertRefused(String expected, String parseSpec) {
    Exception e = assertThrows(Exception.class, () -> schema(parseSpec));
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append(" | ");
      if (t instanceof DruidException) {
        break;
      }
    }
    assertTrue(all.toString().contains(expected), all.toString());
  }
}
