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
    for (String bad : List.of("a.b", "$..", "$.a[?(@.k ==)]", "$.a[?(@.k =~ 'x')]", "$.a[?(1)]", "$.a[?@.k]",
        "$.a[0:2:1]", "$.a[0,x]", "$.a['x','y']", "$.a.keys()", "$.a[", "$.", "$.a.length().b",
        "$.a[?(@.k in 3)]", "$.a[?(@.k =~ /x/q)]", "$.a[?(@.k == 'x')")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonPathExpression.compile(bad),
          bad);
      assertTrue(e.getMessage().startsWith("Unsupported JSONPath expression[" + bad + "]"), e.getMessage());
    }
  }

  private static final JsonNode STORE;

  static {
    try {
      STORE = new ObjectMapper().readTree("{\"store\":{\"book\":["
          + "{\"category\":\"reference\",\"author\":\"Nigel Rees\",\"title\":\"Sayings\",\"price\":8.95},"
          + "{\"category\":\"fiction\",\"author\":\"Evelyn Waugh\",\"title\":\"Sword\",\"price\":12.99},"
          + "{\"category\":\"fiction\",\"author\":\"Herman Melville\",\"title\":\"Moby Dick\",\"isbn\":\"0-553\","
          + "\"price\":8},"
          + "{\"category\":\"fiction\",\"author\":\"J. R. R. Tolkien\",\"title\":\"The Lord\",\"isbn\":\"0-395\","
          + "\"price\":22.99,\"tags\":[\"a\",\"b\"]}],"
          + "\"bicycle\":{\"color\":\"red\",\"price\":19.95}},\"expensive\":10}");
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static Object store(String expr) {
    return JsonPathExpression.compile(expr).read(STORE);
  }

  @Test
  void deepScanInDocumentOrder() {
    assertEquals(List.of("Nigel Rees", "Evelyn Waugh", "Herman Melville", "J. R. R. Tolkien"), store("$..author"));
    assertEquals(List.of(8.95, 12.99, 8L, 22.99, 19.95), store("$..price"));
    assertEquals(List.of(8.95, 12.99, 8L, 22.99), store("$.store.book..price"));
    assertEquals(List.of("b"), store("$..tags[1]"));
    assertEquals(List.of("Sayings"), store("$..book[0].title"));
    assertEquals(List.of(), store("$..nothing"));
    Object all = store("$..*");
    // store, expensive; book, bicycle; 4 books; their 4+4+5+6 fields; 2 tags; color and price
    assertEquals(31, ((List<?>) all).size(), "every value below the root: " + all);
  }

  @Test
  void slicesAndIndexLists() {
    assertEquals(List.of("Sayings", "Sword"), store("$.store.book[:2].title"));
    assertEquals(List.of("Sword", "Moby Dick"), store("$.store.book[1:3].title"));
    assertEquals(List.of("Moby Dick", "The Lord"), store("$.store.book[-2:].title"));
    assertEquals(List.of("Sayings", "Sword", "Moby Dick"), store("$.store.book[:-1].title"));
    assertEquals(List.of("Sayings", "Moby Dick"), store("$.store.book[0,2].title"));
    assertEquals(List.of("The Lord"), store("$.store.book[3,9].title"), "indexes past the end are skipped");
    assertEquals(List.of(), store("$.store.book[7:9]"));
  }

  @Test
  void filters() {
    assertEquals(List.of("Moby Dick", "The Lord"), store("$.store.book[?(@.isbn)].title"));
    assertEquals(List.of("Sayings", "Sword"), store("$.store.book[?(!@.isbn)].title"));
    assertEquals(List.of("Sayings", "Moby Dick"), store("$.store.book[?(@.price < 10)].title"));
    assertEquals(List.of("Moby Dick"), store("$.store.book[?(@.price == 8)].title"), "8 == 8.0 by value");
    assertEquals(List.of("Sayings", "Moby Dick"), store("$.store.book[?(@.price <= $['expensive'])].title"));
    assertEquals(List.of("Sword", "Moby Dick", "The Lord"), store("$.store.book[?(@.category == 'fiction')].title"));
    assertEquals(List.of("Sayings"), store("$.store.book[?(@.category != \"fiction\")].title"));
    assertEquals(List.of("Moby Dick"), store("$.store.book[?(@.author =~ /herman.*/i)].title"));
    assertEquals(List.of(), store("$.store.book[?(@.author =~ /herman.*/)].title"), "case and whole-string match");
    assertEquals(List.of("Sword", "The Lord"),
        store("$.store.book[?(@.category == 'fiction' && (@.price > 20 || @.author in ['Evelyn Waugh']))].title"));
    assertEquals(List.of("Sayings", "Moby Dick"), store("$.store.book[?(@.author nin ['Evelyn Waugh', 'J. R. R. Tolkien'])].title"));
    assertEquals(List.of("The Lord"), store("$.store.book[?(@.tags[0] == 'a')].title"));
    assertEquals(List.of("The Lord"), store("$.store.book[?(@.tags.length() > 1)].title"));
    assertEquals(List.of(Map.of("color", "red", "price", 19.95)), store("$.store.bicycle[?(@.color == 'red')]"),
        "a filter on an object tests the object itself");
    assertEquals(List.of(), store("$.store.book[?(@.price > 'x')]"), "a number and a string are not ordered");
    assertEquals(List.of("Moby Dick", "The Lord"), store("$..book[?(@.isbn)].title"));
    assertEquals(List.of(12.99, 22.99), store("$.store.book[?(@.price > 12)].price"));
  }
}
