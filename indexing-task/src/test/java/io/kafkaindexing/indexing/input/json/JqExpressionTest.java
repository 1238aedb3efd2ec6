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

class JqExpressionTest {
  private static Object read(String expr) throws Exception {
    JsonNode doc = new ObjectMapper().readTree("{\"thing\":{\"food\":[\"pie\",\"cake\"],\"a b\":true},\"n\":1}");
    return JqExpression.compile(expr).read(doc);
  }

  @Test
  void simplePaths() throws Exception {
    assertEquals("cake", read(".thing.food[1]"));
    assertEquals("cake", read(".thing.food[-1]"));
    assertEquals("pie", read(".thing.food.[0]"));
    assertEquals(true, read(".thing.\"a b\""));
    assertEquals(true, read(".thing[\"a b\"]"));
    assertEquals(List.of("pie", "cake"), read(".thing.food"));
    assertEquals(Map.of("thing", Map.of("food", List.of("pie", "cake"), "a b", true), "n", 1L), read("."));
  }

  @Test
  void missingOrWrongKindIsNull() throws Exception {
    assertNull(read(".nope"));
    assertNull(read(".nope.deeper"));
    assertNull(read(".n.x"));
    assertNull(read(".thing.food[5]"));
    assertNull(read(".thing[0]"));
  }

  @Test
  void unsupportedSyntaxIsRefused() {
    for (String bad : List.of("thing", ".a | length", ".a[]", ".a?", ".[\"x\"", ".a[x]")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JqExpression.compile(bad), bad);
      assertTrue(e.getMessage().startsWith("Unsupported jq expression[" + bad + "]"), e.getMessage());
    }
  }
}
