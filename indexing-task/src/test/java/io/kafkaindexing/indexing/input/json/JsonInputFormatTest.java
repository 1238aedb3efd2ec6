package io.kafkaindexing.indexing.input.json;

import static io.kafkaindexing.indexing.input.TestMappers.format;
import static io.kafkaindexing.indexing.input.TestMappers.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.indexing.input.InputFormat;
import io.kafkaindexing.indexing.input.ParseException;
import io.kafkaindexing.indexing.input.RawRows;
import io.kafkaindexing.indexing.input.TestMappers;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonInputFormatTest {
  private static final String NESTED = "{'time':'2018-03-06T10:00:00Z','user':{'name':'bob','tags':['a','b']},"
      + "'hits':[{'url':'/a','ms':10},{'url':'/b','ms':30}],'n':7,'x y':'spaced','nothing':null,"
      + "'flags':[1,2.5,true]}";

  private static Map<String, Object> only(InputFormat f, String value) throws ParseException {
    RawRows rows = f.read(record(value.replace('\'', '"')));
    assertEquals(1, rows.rows().size(), rows.toString());
    return rows.rows().get(0).fields();
  }

  @Test
  void plainJsonDiscoversTopLevelPrimitivesAndDropsNulls() throws Exception {
    Map<String, Object> row = only(JsonInputFormat.defaults(), NESTED);
    assertEquals(List.of("time", "n", "x y", "flags"), List.copyOf(row.keySet()));
    assertEquals(7L, row.get("n"));
    assertEquals(Arrays.asList(1L, 2.5, true), row.get("flags"));
    // Nested values are not discovered but stay readable by name, as in Druid.
    assertEquals(Map.of("name", "bob", "tags", List.of("a", "b")), row.get("user"));
    assertNull(row.get("nothing"));
    assertFalse(row.containsKey("nothing"));
  }

  @Test
  void flattenSpecWithEveryFieldType() throws Exception {
    InputFormat f = format("{'type':'json','flattenSpec':{'fields':["
        + "'n',"
        + "{'type':'root','name':'count','expr':'n'},"
        + "{'type':'path','name':'userName','expr':'$.user.name'},"
        + "{'type':'path','name':'firstTag','expr':'$.user.tags[0]'},"
        + "{'type':'path','name':'lastTag','expr':'$.user.tags[-1]'},"
        + "{'type':'path','name':'spaced','expr':'$[\\\"x y\\\"]'},"
        + "{'type':'path','name':'urls','expr':'$.hits[*].url'},"
        + "{'type':'path','name':'maxMs','expr':'$.hits[*].ms.max()'},"
        + "{'type':'path','name':'hitCount','expr':'$.hits.length()'},"
        + "{'type':'path','name':'missing','expr':'$.user.age'},"
        + "{'type':'jq','name':'jqName','expr':'.user.name'},"
        + "{'type':'jq','name':'jqTag','expr':'.user.tags[1]'},"
        + "{'type':'jq','name':'jqSpaced','expr':'.[\\\"x y\\\"]'},"
        + "{'type':'tree','name':'treeName','nodes':['user','name']}"
        + "]}}");
    Map<String, Object> row = only(f, NESTED);
    assertEquals(7L, row.get("n"));
    assertEquals(7L, row.get("count"));
    assertEquals("bob", row.get("userName"));
    assertEquals("a", row.get("firstTag"));
    assertEquals("b", row.get("lastTag"));
    assertEquals("spaced", row.get("spaced"));
    assertEquals(List.of("/a", "/b"), row.get("urls"));
    assertEquals(30.0, row.get("maxMs"));
    assertEquals(2L, row.get("hitCount"));
    assertNull(row.get("missing"));
    assertTrue(row.containsKey("missing"), "declared fields are fields even when null");
    assertEquals("bob", row.get("jqName"));
    assertEquals("b", row.get("jqTag"));
    assertEquals("spaced", row.get("jqSpaced"));
    assertEquals("bob", row.get("treeName"));
    // Declared first, then discovered top-level fields (useFieldDiscovery defaults to true), with
    // nulls kept because a flattenSpec with discovery makes keepNullColumns default to true.
    assertEquals(List.of("n", "count", "userName", "firstTag", "lastTag", "spaced", "urls", "maxMs", "hitCount",
        "missing", "jqName", "jqTag", "jqSpaced", "treeName", "time", "x y", "nothing", "flags"),
        List.copyOf(row.keySet()));
  }

  @Test
  void withoutFieldDiscoveryOnlyDeclaredFieldsAreListedButTopLevelFieldsStayReadable() throws Exception {
    InputFormat f = format("{'type':'json','flattenSpec':{'useFieldDiscovery':false,"
        + "'fields':[{'type':'path','name':'userName','expr':'$.user.name'}]}}");
    Map<String, Object> row = only(f, NESTED);
    assertEquals(List.of("userName"), List.copyOf(row.keySet()));
    assertEquals("2018-03-06T10:00:00Z", row.get("time"), "the timestamp column is read from the root");
  }

  @Test
  void keepNullColumns() throws Exception {
    assertTrue(only(format("{'type':'json','keepNullColumns':true}"), NESTED).containsKey("nothing"));
    assertFalse(only(format("{'type':'json','keepNullColumns':false,'flattenSpec':{}}"), NESTED)
        .containsKey("nothing"));
    assertFalse(JsonInputFormat.defaults().isKeepNullColumns());
    assertTrue(((JsonInputFormat) format("{'type':'json','flattenSpec':{}}")).isKeepNullColumns());
    assertFalse(((JsonInputFormat) format("{'type':'json','flattenSpec':{'useFieldDiscovery':false}}"))
        .isKeepNullColumns());
  }

  @Test
  void nestedFieldDiscoveryListsObjectsToo() throws Exception {
    Map<String, Object> row = only(JsonInputFormat.defaults().withNestedFieldDiscovery(), NESTED);
    assertTrue(row.containsKey("user"));
    assertTrue(row.containsKey("hits"));
  }

  @Test
  void severalObjectsInOneRecordAreOneUnit() throws Exception {
    RawRows rows = JsonInputFormat.defaults().read(record("{\"a\":1}\n{\"a\":2} {\"a\":3}"));
    assertEquals(3, rows.rows().size());
    assertTrue(rows.isAllOrNothing());
    ParseException e = assertThrows(ParseException.class,
        () -> JsonInputFormat.defaults().read(record("{\"a\":1}\n{\"a\":")));
    assertTrue(e.getMessage().startsWith("Unable to parse row [{\"a\":1}"), e.getMessage());
  }

  @Test
  void notAnObjectOrEmptyIsUnparseable() {
    ParseException e = assertThrows(ParseException.class, () -> JsonInputFormat.defaults().read(record("[1,2]")));
    assertTrue(e.getMessage().contains("Expected a JSON object"), e.getMessage());
    assertThrows(ParseException.class, () -> JsonInputFormat.defaults().read(record("   ")));
    assertThrows(ParseException.class, () -> JsonInputFormat.defaults().read(record("not json")));
  }

  @Test
  void assumeNewlineDelimitedFailsLineByLine() throws Exception {
    RawRows rows = format("{'type':'json','assumeNewlineDelimited':true}")
        .read(record("{\"a\":1}\n{\"a\":\n{\"a\":3}"));
    assertFalse(rows.isAllOrNothing());
    assertEquals(3, rows.rows().size());
    assertFalse(rows.rows().get(0).isError());
    assertTrue(rows.rows().get(1).isError());
    assertEquals(3L, rows.rows().get(2).fields().get("a"));
  }

  @Test
  void jsonNodeReaderKeepsObjectsBeforeASyntaxError() throws Exception {
    RawRows rows = format("{'type':'json','useJsonNodeReader':true}").read(record("{\"a\":1} {\"a\":2} {\"a\""));
    assertFalse(rows.isAllOrNothing());
    assertEquals(3, rows.rows().size());
    assertEquals(2L, rows.rows().get(1).fields().get("a"));
    assertTrue(rows.rows().get(2).isError());
    IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
        () -> new JsonInputFormat(null, null, null, true, true));
    assertTrue(both.getMessage().contains("useJsonNodeReader"), both.getMessage());
  }

  @Test
  void featureSpecEnablesJacksonParserFeatures() throws Exception {
    InputFormat lenient = format("{'type':'json','featureSpec':{'ALLOW_SINGLE_QUOTES':true,"
        + "'ALLOW_UNQUOTED_FIELD_NAMES':true}}");
    assertEquals("x", lenient.read(record("{a: 'x'}")).rows().get(0).fields().get("a"));
    assertThrows(ParseException.class, () -> JsonInputFormat.defaults().read(record("{a: 'x'}")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new JsonInputFormat(null, Map.of("NO_SUCH_FEATURE", true), null, null, null));
    assertTrue(e.getMessage().contains("NO_SUCH_FEATURE"), e.getMessage());
  }

  @Test
  void badExpressionsAreRefusedNamingTheField() {
    Exception e = assertThrows(Exception.class, () -> format("{'type':'json','flattenSpec':{'fields':["
        + "{'type':'path','name':'two','expr':'$[\\'a\\',\\'b\\']'}]}}"));
    assertTrue(rootMessage(e).contains("flattenSpec field[two]"), rootMessage(e));
    assertTrue(rootMessage(e).contains("several names in one bracket"), rootMessage(e));
    e = assertThrows(Exception.class, () -> format("{'type':'json','flattenSpec':{'fields':["
        + "{'type':'jq','name':'j','expr':'.a | length'}]}}"));
    assertTrue(rootMessage(e).contains("Unsupported jq expression[.a | length]"), rootMessage(e));
    e = assertThrows(Exception.class, () -> format("{'type':'json','flattenSpec':{'fields':['a','a']}}"));
    assertTrue(rootMessage(e).contains("duplicate field definition: a"), rootMessage(e));
    e = assertThrows(Exception.class, () -> format("{'type':'json','flattenSpec':{'fields':[{'type':'tree','name':'t'}]}}"));
    assertTrue(rootMessage(e).contains("Missing 'nodes' for flattenSpec field[t]"), rootMessage(e));
    e = assertThrows(Exception.class, () -> format("{'type':'json','flattenSpec':{'fields':[{'type':'path','name':'p'}]}}"));
    assertTrue(rootMessage(e).contains("Missing 'expr' for flattenSpec field[p]"), rootMessage(e));
  }

  @Test
  void jsonRoundTrip() throws Exception {
    String json = "{'type':'json','flattenSpec':{'useFieldDiscovery':false,'fields':[{'type':'root','name':'a',"
        + "'expr':'a'},{'type':'path','name':'b','expr':'$.x.b'},{'type':'tree','name':'c','nodes':['x','c']}]},"
        + "'keepNullColumns':true}";
    InputFormat f = format(json);
    String written = TestMappers.mapper().writeValueAsString(f);
    assertEquals(json.replace('\'', '"'), written);
    assertEquals(f, TestMappers.mapper().readValue(written, InputFormat.class));
    assertEquals("{\"type\":\"json\"}", TestMappers.mapper().writeValueAsString(JsonInputFormat.defaults()));
  }

  /** Every message of the cause chain, so that assertions see the creator's message under Jackson's. */
  private static String rootMessage(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable r = t; r != null; r = r.getCause()) {
      sb.append(r.getMessage()).append(" | ");
    }
    return sb.toString();
  }
}
