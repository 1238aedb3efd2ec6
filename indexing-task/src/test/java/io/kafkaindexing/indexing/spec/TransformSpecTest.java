package io.kafkaindexing.indexing.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.indexing.input.TestMappers;
import io.kafkaindexing.query.filter.ExpressionDimFilter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code dataSchema.transformSpec} as JSON: read, echoed as given, refused naming the field. */
class TransformSpecTest {
  private static final ObjectMapper MAPPER = TestMappers.mapper();
  private static final String TRANSFORM_SPEC = "{\"filter\":{\"type\":\"or\",\"fields\":["
      + "{\"type\":\"selector\",\"dimension\":\"animal\",\"value\":\"super-mongoose\"},"
      + "{\"type\":\"expression\",\"expression\":\"location == 3\"}]},"
      + "\"transforms\":[{\"type\":\"expression\",\"name\":\"animal\",\"expression\":\"concat('super-', animal)\"},"
      + "{\"type\":\"expression\",\"name\":\"triple-number\",\"expression\":\"number * 3\"}]}";

  private static DataSchema read(String transformSpec) {
    String json = "{\"dataSource\":\"ds\",\"timestampSpec\":{\"column\":\"timestamp\"},\"transformSpec\":"
        + transformSpec + "}";
    return JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), DataSchema.class, "dataSchema");
  }

  private static String refused(String transformSpec) {
    return assertThrows(DruidException.class, () -> read(transformSpec)).getMessage();
  }

  @Test
  void readsAndEchoesFilterAndTransforms() throws Exception {
    DataSchema schema = read(TRANSFORM_SPEC);
    TransformSpec spec = schema.getTransformSpec();
    assertEquals(2, spec.getTransforms().size());
    assertEquals("triple-number", spec.getTransforms().get(1).getName());
    assertEquals(MAPPER.readTree(TRANSFORM_SPEC), MAPPER.valueToTree(spec));
    assertEquals(MAPPER.readTree(TRANSFORM_SPEC), MAPPER.valueToTree(schema).get("transformSpec"));
    DataSchema again = JsonBodies.read(MAPPER, MAPPER.writeValueAsBytes(schema), DataSchema.class, "dataSchema");
    assertEquals(schema, again);
    assertEquals(schema.hashCode(), again.hashCode());
    assertEquals(new TransformSpec(new ExpressionDimFilter("x > 1"), null),
        read("{\"filter\":{\"type\":\"expression\",\"expression\":\"x > 1\"}}").getTransformSpec());
  }

  @Test
  void emptySpecEchoesAsDruidDoes() throws Exception {
    assertEquals(MAPPER.readTree("{\"filter\":null,\"transforms\":[]}"), MAPPER.valueToTree(read("{}")
        .getTransformSpec()));
    assertTrue(read("{}").getTransformSpec().isEmpty());
  }

  @Test
  void badTransformsAreRefusedNamingTheField() {
    assertTrue(refused("{\"transforms\":[{\"type\":\"expression\",\"name\":\"x\",\"expression\":\"1 +\"}]}")
        .contains("Invalid expression[1 +] in field[expression] of transform[x]: expected an operand"));
    assertTrue(refused("{\"transforms\":[{\"type\":\"expression\",\"name\":\"x\",\"expression\":\"frob(1)\"}]}")
        .contains("unknown function[frob]"));
    assertTrue(refused("{\"transforms\":[{\"type\":\"expression\",\"name\":\"x\",\"expression\":\"1\"},"
        + "{\"type\":\"expression\",\"name\":\"x\",\"expression\":\"2\"}]}")
        .contains("dataSchema.transformSpec.transforms has duplicate name[x]"));
    assertTrue(refused("{\"transforms\":[{\"type\":\"javascript\",\"name\":\"x\"}]}")
        .contains("transforms[].type[javascript] is not supported"));
    assertTrue(refused("{\"transforms\":[{\"type\":\"expression\",\"expression\":\"1\"}]}")
        .contains("needs a field[name]"));
    assertTrue(refused("{\"transforms\":[{\"type\":\"expression\",\"name\":\"x\"}]}")
        .contains("Transform[x] in dataSchema.transformSpec.transforms needs a field[expression]"));
    String badFilter = refused("{\"filter\":{\"type\":\"expression\",\"expression\":\"(\"}}");
    assertTrue(badFilter.contains("Invalid expression[(] in field[expression] of an expression filter"), badFilter);
  }
}
