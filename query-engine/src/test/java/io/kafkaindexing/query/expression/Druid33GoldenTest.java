package io.kafkaindexing.query.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.SeedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our evaluator against Apache Druid 33's: {@code druid33-expressions/druid33-results.tsv} holds
 * what Druid 33's own expression engine answered for each expression of {@code expressions.txt}
 * over the same row (written by compat-tests' {@code DruidExpressionEval}; provenance in the
 * folder's README). Types and values must agree; a null agrees with a null of any type (Druid
 * types most nulls STRING); where Druid fails, we must fail too.
 */
class Druid33GoldenTest {
  private static final Path DIR = SeedData.fixturesDir().resolve("druid33-expressions");

  /** The row Druid evaluated against (as in compat-tests' DruidExpressionEval). */
  private static Map<String, Object> row() {
    Map<String, Object> row = new HashMap<>();
    row.put("x", 5L);
    row.put("y", 2L);
    row.put("d", 2.5);
    row.put("f", 1.5f);
    row.put("s", "abc");
    row.put("n", null);
    row.put("num", "42");
    row.put("t", 946_782_245_006L);
    row.put("weird name", 7L);
    row.put("b", true);
    return row;
  }

  @Test
  void everyExpressionAgreesWithDruid33() throws IOException {
    List<String> expressions = Files.readAllLines(DIR.resolve("expressions.txt"), StandardCharsets.UTF_8);
    List<String> druid = Files.readAllLines(DIR.resolve("druid33-results.tsv"), StandardCharsets.UTF_8);
    assertEquals(expressions.size(), druid.size());
    Bindings bindings = Bindings.of(row());
    List<String> disagreements = new ArrayList<>();
    int errors = 0;
    for (int i = 0; i < druid.size(); i++) {
      String[] expected = druid.get(i).split("\t", -1);
      assertEquals(expressions.get(i), expected[0], "line " + (i + 1));
      String ours;
      try {
        ExprValue v = Parser.parse(expected[0], null).eval(bindings);
        ours = v.type() + "\t" + json(v.value());
      } catch (DruidException e) {
        ours = "ERROR\t" + e.getMessage();
      }
      String theirs = expected[1] + "\t" + expected[2];
      boolean agree = expected[1].equals("ERROR") ? ours.startsWith("ERROR\t")
          : theirs.equals(ours) || (expected[2].equals("null") && ours.endsWith("\tnull"));
      errors += expected[1].equals("ERROR") ? 1 : 0;
      if (!agree) {
        disagreements.add(expected[0] + "  druid: " + theirs + "  ours: " + ours);
      }
    }
    assertTrue(disagreements.isEmpty(), disagreements.size() + " disagreements:\n" + String.join("\n", disagreements));
    assertTrue(druid.size() > 300 && errors > 5, "the golden file covers values and errors");
  }

  /** As DruidExpressionEval writes values. */
  private static String json(Object v) {
    if (v == null || v instanceof Number) {
      return String.valueOf(v);
    }
    StringBuilder sb = new StringBuilder("\"");
    for (char c : v.toString().toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return sb.append('"').toString();
  }
}
