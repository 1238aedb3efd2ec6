package io.kafkaindexing.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.error.DruidException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {
  private static final ObjectMapper MAPPER = JsonMappers.create(List.of());

  /** A spec-like object with a nested config whose creator validates. */
  public static final class Spec {
    final String name;
    final IoConfig ioConfig;

    @JsonCreator
    public Spec(@JsonProperty("name") String name, @JsonProperty("ioConfig") IoConfig ioConfig) {
      this.name = name;
      this.ioConfig = ioConfig;
    }
  }

  public static final class IoConfig {
    final int taskCount;
    final List<Integer> partitions;

    @JsonCreator
    public IoConfig(@JsonProperty("taskCount") Integer taskCount, @JsonProperty("topic") String topic,
        @JsonProperty("partitions") List<Integer> partitions) {
      if ("druid".equals(topic)) {
        throw DruidException.invalidInput("ioConfig.topic[%s] is reserved", topic);
      }
      if ("iae".equals(topic)) {
        throw new IllegalArgumentException("topic must not be iae");
      }
      this.taskCount = taskCount == null ? 1 : taskCount;
      this.partitions = partitions;
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static DruidException fail(String body) {
    return assertThrows(DruidException.class, () -> JsonBodies.read(MAPPER, bytes(body), Spec.class, "spec"));
  }

  @Test
  void readsAValidBody() {
    Spec spec = JsonBodies.read(MAPPER, bytes("{\"name\":\"a\",\"ioConfig\":{\"taskCount\":\"3\"}}"), Spec.class,
        "spec");
    assertEquals("a", spec.name);
    assertEquals(3, spec.ioConfig.taskCount, "numbers given as strings are coerced");
  }

  @Test
  void emptyAndBlankBodiesAre400() {
    for (String body : new String[] {"", "   \n\t "}) {
      DruidException e = fail(body);
      assertEquals(400, e.httpStatus());
      assertEquals("Request body is empty: expected a JSON spec", e.getMessage());
    }
    DruidException nullBody = assertThrows(DruidException.class,
        () -> JsonBodies.read(MAPPER, null, Spec.class, "query"));
    assertEquals("Request body is empty: expected a JSON query", nullBody.getMessage());
  }

  @Test
  void jsonNullLiteralIsRefused() {
    assertEquals("Expected a JSON object as the spec, got null", fail("null").getMessage());
  }

  @Test
  void syntaxErrorNamesLineAndColumn() {
    DruidException e = fail("{\n  \"name\": \"a\",\n  \"ioConfig\": {\"taskCount\": 1,}\n}");
    assertEquals(DruidException.Category.INVALID_INPUT, e.category());
    assertTrue(e.getMessage().startsWith("Invalid JSON in the spec: "), e.getMessage());
    assertTrue(e.getMessage().contains("at line 3, column"), e.getMessage());
    // The lenient second pass accepts a trailing comma: one error only.
    assertTrue(!e.getMessage().contains("further on"), e.getMessage());
  }

  @Test
  void unterminatedBodyIsASyntaxError() {
    DruidException e = fail("{\"name\": \"a\"");
    assertTrue(e.getMessage().startsWith("Invalid JSON in the spec: "), e.getMessage());
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
  }

  @Test
  void trailingContentIsASyntaxError() {
    DruidException e = fail("{\"name\": \"a\"}\n{\"name\": \"b\"}");
    assertEquals("Invalid JSON in the spec: unexpected content after the end of the JSON value at line 2,"
        + " column 1", e.getMessage());
  }

  @Test
  void seedLiteralSpecReportsBothMistakes() throws Exception {
    Path literal = Path.of(System.getProperty("fixtures.dir", "../src/test/resources"),
        "seed/supervisor-spec-literal.json");
    byte[] body = Files.readAllBytes(literal);
    List<String> lines = Files.readAllLines(literal);
    int replicasLine = indexOf(lines, "replicas: 1") + 1;
    int taskDurationLine = indexOf(lines, "\"taskDuration\"") + 1;

    DruidException e = assertThrows(DruidException.class,
        () -> JsonBodies.read(MAPPER, body, Spec.class, "supervisor spec"));
    String m = e.getMessage();
    assertEquals(400, e.httpStatus());
    assertTrue(m.startsWith("Invalid JSON in the supervisor spec: "), m);
    assertTrue(m.contains("; and further on: "), "both mistakes are reported: " + m);
    String[] parts = m.split("; and further on: ");
    assertTrue(parts[0].contains("field name"), "first: the unquoted field name: " + parts[0]);
    assertEquals(replicasLine, lineOf(parts[0]), parts[0]);
    assertEquals(lines.get(replicasLine - 1).indexOf("replicas") + 1, columnOf(parts[0]), parts[0]);
    assertTrue(parts[1].contains("comma"), "second: the missing comma: " + parts[1]);
    assertEquals(taskDurationLine, lineOf(parts[1]), parts[1]);
    assertEquals(lines.get(taskDurationLine - 1).indexOf('"') + 1, columnOf(parts[1]), parts[1]);
  }

  private static int indexOf(List<String> lines, String needle) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(needle)) {
        return i;
      }
    }
    throw new AssertionError("fixture has no line with " + needle);
  }

  private static int lineOf(String message) {
    Matcher m = Pattern.compile("at line (\\d+), column (\\d+)").matcher(message);
    assertTrue(m.find(), message);
    return Integer.parseInt(m.group(1));
  }

  private static int columnOf(String message) {
    Matcher m = Pattern.compile("at line (\\d+), column (\\d+)").matcher(message);
    assertTrue(m.find(), message);
    return Integer.parseInt(m.group(2));
  }

  @Test
  void wrongTypeNamesTheFieldPath() {
    DruidException e = fail("{\"name\": \"a\",\n \"ioConfig\": {\"taskCount\": \"many\"}}");
    String m = e.getMessage();
    assertEquals(400, e.httpStatus());
    assertTrue(m.startsWith("Invalid value for field[ioConfig.taskCount] in the spec: "), m);
    assertTrue(m.contains("at line 2"), m);
    assertTrue(!m.contains("\n"), "only the first line of Jackson's message is kept: " + m);
  }

  @Test
  void wrongTypeInsideAListNamesTheIndex() {
    DruidException e = fail("{\"ioConfig\": {\"partitions\": [1, \"x\"]}}");
    assertTrue(e.getMessage().startsWith("Invalid value for field[ioConfig.partitions[1]] in the spec"),
        e.getMessage());
  }

  @Test
  void topLevelMismatchNamesNoField() {
    DruidException e = fail("[{\"name\": \"a\"}]");
    assertTrue(e.getMessage().startsWith("Invalid value in the spec: "), e.getMessage());
    DruidException type = assertThrows(DruidException.class, () -> JsonBodies.read(MAPPER,
        bytes("{\"type\": \"square\"}"), Shape.class, "query"));
    assertTrue(type.getMessage().startsWith("Could not resolve type id[square] in the query at line 1"),
        type.getMessage());
  }

  @Test
  void objectWhereAStringIsExpected() {
    DruidException e = fail("{\"name\": {\"a\": 1}}");
    assertTrue(e.getMessage().startsWith("Invalid value for field[name] in the spec"), e.getMessage());
  }

  @Test
  void druidExceptionFromACreatorIsReturnedAsIs() {
    DruidException e = fail("{\"ioConfig\": {\"topic\": \"druid\"}}");
    assertEquals("ioConfig.topic[druid] is reserved", e.getMessage());
    assertEquals("invalidInput", e.errorCode());
  }

  @Test
  void otherCreatorExceptionsNameTheFieldAndCause() {
    DruidException e = fail("{\"ioConfig\": {\"topic\": \"iae\"}}");
    assertEquals("Invalid spec field[ioConfig]: topic must not be iae", e.getMessage());
    assertEquals(400, e.httpStatus());
  }

  @com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME,
      property = "type")
  public interface Shape {
  }

  public static final class Circle implements Shape {
  }

  @Test
  void unknownTypeIdNamesTheIdAndField() {
    ObjectMapper mapper = JsonMappers.create(List.of());
    mapper.registerSubtypes(new com.fasterxml.jackson.databind.jsontype.NamedType(Circle.class, "circle"));
    DruidException e = assertThrows(DruidException.class, () -> JsonBodies.read(mapper,
        bytes("{\"shape\": {\"type\": \"square\"}}"), Holder.class, "query"));
    assertTrue(e.getMessage().startsWith("Could not resolve type id[square] of field[shape] in the query"),
        e.getMessage());
    Holder ok = JsonBodies.read(mapper, bytes("{\"shape\": {\"type\": \"Circle\"}}"), Holder.class, "query");
    assertTrue(ok.shape instanceof Circle);
  }

  public static final class Holder {
    final Shape shape;

    @JsonCreator
    public Holder(@JsonProperty("shape") Shape shape) {
      this.shape = shape;
    }
  }
}
