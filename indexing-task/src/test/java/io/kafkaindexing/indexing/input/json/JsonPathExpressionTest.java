package io.kafkaindexing.indexing.input.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonPathExpressionTest {
  private static final JsonNode DOC;

  static {
    try {
      DOC = new ObjectMapper().readTree("{\"a\":{\"b\":[10,20,30],\"c\":{\"d\":\"x\"}},\"e.f\":1,"
          + "\"items\":[{\"k\":1},{\"k\":2},{\"z\":3}],\"big\":12345678901234567890}");
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static Object read(String expr) {
    return JsonPathExpression.compile(expr).read(DOC);
  }

  @Test
  void definitePaths() {
    assertEquals(Map.of("d", "x"), read("$.a.c"));
    assertEquals("x", read("$.a.c.d"));
    assertEquals("x", read("$['a']['c'][\"d\"]"));
    assertEquals(1L, read("$['e.f']"));
    assertEquals(10L, read("$.a.b[0]"));
    assertEquals(30L, read("$.a.b[-1]"));
    assertEquals(List.of(10L, 20L, 30L), read("$.a.b"));
    assertEquals(1.2345678901234567E19, read("$.big"), "numbers beyond a long are doubles");
  }

  @Test
  void missingPartsAreNull() {
    assertNull(read("$.nope"));
    assertNull(read("$.a.b[7]"));
    assertNull(read("$.a.c.d.e"));
    assertNull(read("$.a.b.c"), "a name on an array of a definite path");
  }

  @Test
  void wildcardsGiveLists() {
    assertEquals(List.of(1L, 2L), read("$.items[*].k"));
    assertEquals(List.of(List.of(10L, 20L, 30L), Map.of("d", "x")), read("$.a.*"));
    assertEquals(List.of(), read("$.nope[*]"));
  }

  @Test
  void functions() {
    assertEquals(3L, read("$.a.b.length()"));
    assertEquals(10.0, read("$.a.b.min()"));
    assertEquals(30.0, read("$.a.b.max()"));
    assertEquals(20.0, read("$.a.b.avg()"));
    assertEquals(60.0, read("$.a.b.sum()"));
    assertEquals(Math.sqrt(200.0 / 3), (double) read("$.a.b.stddev()"), 1e-9);
    assertNull(read("$.a.c.length()"), "not an array");
  }

  @Test
  void unsupportedSyntaxIsRefused() {
    for (String bad : List.of("a.b", "$..b", "$.a[?(@.k)]", "$.a[0:2]", "$.a['x','y']", "$.a.keys()", "$.a[",
        "$.a..b", "$.", "$.a.length().b")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonPathExpression.compile(bad),
          bad);
      assertTrue(e.getMessage().startsWith("Unsupported JSONPath expression[" + bad + "]"), e.getMessage());
    }
  }
}
