package io.kafkaindexing.indexing.input.kafka;

import static io.kafkaindexing.indexing.input.TestMappers.format;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.indexing.input.InputEntity;
import io.kafkaindexing.indexing.input.InputFormat;
import io.kafkaindexing.indexing.input.ParseException;
import io.kafkaindexing.indexing.input.RawRows;
import io.kafkaindexing.indexing.input.TestMappers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaInputFormatTest {
  private static final String FULL = "{'type':'kafka','valueFormat':{'type':'json'},"
      + "'headerFormat':{'type':'string','encoding':'UTF-8'},"
      + "'keyFormat':{'type':'tsv','findColumnsFromHeader':false,'columns':['x']}}";
  private static final long TS = 1680795276351L;

  private static byte[] utf8(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  private static InputEntity record(String key, String value, InputEntity.Header... headers) {
    return new InputEntity("wiki-edits", 3, 42, TS, utf8(key), utf8(value), List.of(headers));
  }

  private static InputEntity.Header header(String k, String v) {
    return new InputEntity.Header(k, utf8(v));
  }

  @Test
  void documentedExample() throws Exception {
    RawRows rows = format(FULL).read(record("wiki-edit",
        "{\"channel\":\"#sv.wikipedia\",\"timestamp\":\"2016-06-27T00:00:11.080Z\",\"page\":\"Salo Toraut\","
            + "\"delta\":31,\"namespace\":\"Main\"}", header("env", "development"), header("zone", "z1")));
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("channel", "#sv.wikipedia");
    expected.put("timestamp", "2016-06-27T00:00:11.080Z");
    expected.put("page", "Salo Toraut");
    expected.put("delta", 31L);
    expected.put("namespace", "Main");
    expected.put("kafka.header.env", "development");
    expected.put("kafka.header.zone", "z1");
    expected.put("kafka.timestamp", TS);
    expected.put("kafka.topic", "wiki-edits");
    expected.put("kafka.key", "wiki-edit");
    assertEquals(List.of(expected), rows.fieldMaps());
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(rows.fieldMaps().get(0).keySet()));
    assertTrue(rows.isAllOrNothing(), "the value format decides how rows fail");
  }

  @Test
  void payloadWinsOnClashEvenWhenNull() throws Exception {
    InputFormat f = format("{'type':'kafka','valueFormat':{'type':'json','keepNullColumns':true},"
        + "'headerFormat':{'type':'string'},'headerColumnPrefix':'','keyFormat':{'type':'json'},"
        + "'keyColumnName':'id'}");
    Map<String, Object> row = f.read(record("{\"k\":\"key-1\",\"other\":2}", "{\"env\":\"payload\",\"id\":null}",
        header("env", "header"))).rows().get(0).fields();
    assertEquals("payload", row.get("env"));
    assertTrue(row.containsKey("id"));
    assertNull(row.get("id"));
    Map<String, Object> keyed = f.read(record("{\"k\":\"key-1\",\"other\":2}", "{\"v\":1}")).rows().get(0).fields();
    assertEquals("key-1", keyed.get("id"), "the key column is the first value of the key's first row");
  }

  @Test
  void aHeaderNamedLikeTheTimestampOrTopicColumnWins() throws Exception {
    InputFormat f = format("{'type':'kafka','valueFormat':{'type':'json'},'headerFormat':{'type':'string'},"
        + "'headerColumnPrefix':'','timestampColumnName':'ts','topicColumnName':'source'}");
    Map<String, Object> row = f.read(record(null, "{\"a\":1}", header("source", "from-header")))
        .rows().get(0).fields();
    assertEquals("from-header", row.get("source"));
    assertEquals(TS, row.get("ts"));
    assertFalse(row.containsKey("kafka.key"), "no key column without a key format");
  }

  @Test
  void headersAreReadOnlyWithAHeaderFormatAndInItsEncoding() throws Exception {
    InputFormat noHeaders = format("{'type':'kafka','valueFormat':{'type':'json'}}");
    assertFalse(noHeaders.read(record(null, "{}", header("env", "x"))).rows().get(0).fields()
        .containsKey("kafka.header.env"));
    InputFormat latin1 = format("{'type':'kafka','valueFormat':{'type':'json'},"
        + "'headerFormat':{'type':'string','encoding':'ISO-8859-1'}}");
    InputEntity e = new InputEntity("t", 0, 0, TS, null, utf8("{}"),
        List.of(new InputEntity.Header("city", "Zürich".getBytes(StandardCharsets.ISO_8859_1)),
            new InputEntity.Header("empty", null)));
    Map<String, Object> row = latin1.read(e).rows().get(0).fields();
    assertEquals("Zürich", row.get("kafka.header.city"));
    assertTrue(row.containsKey("kafka.header.empty"));
    InputFormat utf16 = format("{'type':'kafka','valueFormat':{'type':'json'},"
        + "'headerFormat':{'type':'string','encoding':'UTF-16BE'}}");
    InputEntity e16 = new InputEntity("t", 0, 0, TS, null, utf8("{}"),
        List.of(new InputEntity.Header("c", "日本".getBytes(StandardCharsets.UTF_16BE))));
    assertEquals("日本", utf16.read(e16).rows().get(0).fields().get("kafka.header.c"));
    CsvLikeAssert.refused("inputFormat.headerFormat.encoding[EBCDIC-XYZ] is not supported",
        "{'type':'kafka','valueFormat':{'type':'json'},'headerFormat':{'type':'string','encoding':'EBCDIC-XYZ'}}");
  }

  @Test
  void tombstoneYieldsOneRowOfKeyHeadersAndMetadata() throws Exception {
    InputFormat f = format(FULL);
    assertTrue(f.readsTombstones());
    RawRows rows = f.read(record("gone-key", null, header("op", "delete")));
    assertEquals(List.of(Map.of("kafka.header.op", "delete", "kafka.timestamp", TS, "kafka.topic", "wiki-edits",
        "kafka.key", "gone-key")), rows.fieldMaps());
  }

  @Test
  void valueErrorsPassThroughAndKeyErrorsFailTheRecord() throws Exception {
    InputFormat csv = format("{'type':'kafka','valueFormat':{'type':'csv','columns':['a']},"
        + "'keyFormat':{'type':'regex','pattern':'k-(\\\\d+)'}}");
    RawRows rows = csv.read(record("k-7", "x\n\"bad"));
    assertFalse(rows.isAllOrNothing());
    assertEquals("7", rows.rows().get(0).fields().get("kafka.key"));
    assertTrue(rows.rows().get(1).isError());
    ParseException e = assertThrows(ParseException.class, () -> csv.read(record("nope", "x")));
    assertTrue(e.getMessage().startsWith("Unable to parse the record key: "), e.getMessage());
    assertThrows(ParseException.class, () -> format(FULL).read(record("k", "{not json")));
  }

  @Test
  void validationAndRoundTrip() throws Exception {
    CsvLikeAssert.refused("inputFormat.valueFormat is required", "{'type':'kafka'}");
    CsvLikeAssert.refused("cannot be of type kafka",
        "{'type':'kafka','valueFormat':{'type':'kafka','valueFormat':{'type':'json'}}}");
    String written = TestMappers.mapper().writeValueAsString(format(FULL));
    assertEquals("{\"type\":\"kafka\",\"valueFormat\":{\"type\":\"json\"},\"timestampColumnName\":\"kafka.timestamp\","
        + "\"topicColumnName\":\"kafka.topic\",\"headerFormat\":{\"type\":\"string\",\"encoding\":\"UTF-8\"},"
        + "\"headerColumnPrefix\":\"kafka.header.\",\"keyFormat\":{\"type\":\"tsv\",\"columns\":[\"x\"],"
        + "\"delimiter\":\"\\t\"},\"keyColumnName\":\"kafka.key\"}", written);
    assertEquals(format(FULL), TestMappers.mapper().readValue(written, InputFormat.class));
  }

  /** Asserts a spec is refused with a message (anywhere in the cause chain). */
  static final class CsvLikeAssert {
    static void refused(String expected, String json) {
      Exception e = assertThrows(Exception.class, () -> format(json));
      StringBuilder all = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        all.append(t.getMessage()).append(" | ");
      }
      assertTrue(all.toString().contains(expected), all.toString());
    }
  }
}
