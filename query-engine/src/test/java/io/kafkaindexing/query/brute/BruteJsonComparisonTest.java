package io.kafkaindexing.query.brute;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The brute suites' JSON comparison: exact except for doubles, which agree within 1e-9 relative. */
class BruteJsonComparisonTest {
  private static JsonNode json(String text) throws Exception {
    return Brute.MAPPER.readTree(text);
  }

  @Test
  void doublesSummedInAnotherOrderAreEqualButRealDifferencesAreNot() throws Exception {
    double forward = 0.1 + 0.2 + 0.3;
    double backward = 0.3 + 0.2 + 0.1;
    assertTrue(forward != backward, "the two sums differ in the last bit");
    assertTrue(Brute.sameJson(json("{\"s\":" + forward + "}"), json("{\"s\":" + backward + "}"), true));
    assertFalse(Brute.sameJson(json("{\"s\":0.6}"), json("{\"s\":0.6000001}"), true));
    assertFalse(Brute.sameJson(json("{\"s\":0.0}"), json("{\"s\":1e-300}"), true));
    assertFalse(Brute.sameJson(json("{\"s\":1.0}"), json("{\"s\":null}"), true));
    assertFalse(Brute.sameJson(json("{\"s\":1.5}"), json("{\"s\":\"1.5\"}"), true));
    assertFalse(Brute.sameJson(json("[1,2]"), json("[1,2,3]"), true));
    assertFalse(Brute.sameJson(json("{\"n\":1}"), json("{\"n\":2}"), true));
  }

  @Test
  void memberOrderMattersOnlyWhenAsked() throws Exception {
    JsonNode ab = json("{\"a\":1,\"b\":2.0}");
    JsonNode ba = json("{\"b\":2.0,\"a\":1}");
    assertTrue(Brute.sameJson(ab, ba, false));
    assertFalse(Brute.sameJson(ab, ba, true));
    Brute.assertJsonEquals(ab, ba, "members in any order");
    assertThrows(AssertionError.class, () -> Brute.assertJsonTextEquals(ab, ba, "members in order"));
  }
}
