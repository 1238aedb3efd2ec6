package io.kafkaindexing.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Type ids in any letter case, through the process mapper ({@link JsonMappers#create}). */
class CaseInsensitiveTypeIdHandlerTest {
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  public interface Spec {
  }

  public static final class KafkaSpec implements Spec {
    final String topic;

    @JsonCreator
    public KafkaSpec(@JsonProperty("topic") String topic) {
      this.topic = topic;
    }
  }

  public static final class KinesisSpec implements Spec {
  }

  public static final class OtherKafka implements Spec {
  }

  /** Not a Spec: registered under a name that differs from "kafka" only by case. */
  public static final class Unrelated {
  }

  public static final class Wrapper {
    final Spec spec;

    @JsonCreator
    public Wrapper(@JsonProperty("spec") Spec spec) {
      this.spec = spec;
    }
  }

  private static ObjectMapper mapper(NamedType... types) {
    SimpleModule m = new SimpleModule("test");
    m.registerSubtypes(types);
    return JsonMappers.create(List.<Module>of(m));
  }

  @Test
  void exactNameResolves() throws Exception {
    ObjectMapper mapper = mapper(new NamedType(KafkaSpec.class, "kafka"));
    KafkaSpec spec = assertInstanceOf(KafkaSpec.class, mapper.readValue("{\"type\":\"kafka\",\"topic\":\"t\"}",
        Spec.class));
    assertEquals("t", spec.topic);
  }

  @Test
  void otherLetterCaseResolvesToTheRegisteredName() throws Exception {
    ObjectMapper mapper = mapper(new NamedType(KafkaSpec.class, "kafka"), new NamedType(KinesisSpec.class, "kinesis"));
    for (String id : new String[] {"Kafka", "KAFKA", "kAfKa"}) {
      Spec spec = mapper.readValue("{\"type\":\"" + id + "\",\"topic\":\"metrics\"}", Spec.class);
      assertInstanceOf(KafkaSpec.class, spec, id);
      assertEquals("metrics", ((KafkaSpec) spec).topic, "the other properties are still read for " + id);
    }
    assertInstanceOf(KinesisSpec.class, mapper.readValue("{\"type\":\"Kinesis\"}", Spec.class));
    // Nested (a polymorphic property of another object) too.
    Wrapper w = mapper.readValue("{\"spec\":{\"type\":\"Kafka\",\"topic\":\"x\"}}", Wrapper.class);
    assertEquals("x", ((KafkaSpec) w.spec).topic);
  }

  @Test
  void typeIdAfterOtherPropertiesAlsoResolves() throws Exception {
    ObjectMapper mapper = mapper(new NamedType(KafkaSpec.class, "kafka"));
    Spec spec = mapper.readValue("{\"topic\":\"late\",\"type\":\"Kafka\"}", Spec.class);
    assertEquals("late", ((KafkaSpec) spec).topic);
  }

  @Test
  void unknownIdStillFails() {
    ObjectMapper mapper = mapper(new NamedType(KafkaSpec.class, "kafka"));
    InvalidTypeIdException e = assertThrows(InvalidTypeIdException.class,
        () -> mapper.readValue("{\"type\":\"kafkaa\"}", Spec.class));
    assertEquals("kafkaa", e.getTypeId());
    assertThrows(InvalidTypeIdException.class, () -> mapper.readValue("{\"type\":\"\"}", Spec.class));
  }

  @Test
  void ambiguousIdsThatDifferOnlyByCaseFail() throws Exception {
    ObjectMapper mapper = mapper(new NamedType(KafkaSpec.class, "kafka"), new NamedType(OtherKafka.class, "KAFKA"));
    InvalidTypeIdException e = assertThrows(InvalidTypeIdException.class,
        () -> mapper.readValue("{\"type\":\"Kafka\"}", Spec.class));
    assertEquals("Kafka", e.getTypeId());
    // Exact names still pick their own class.
    assertInstanceOf(KafkaSpec.class, mapper.readValue("{\"type\":\"kafka\"}", Spec.class));
    assertInstanceOf(OtherKafka.class, mapper.readValue("{\"type\":\"KAFKA\"}", Spec.class));
  }

  @Test
  void sameClassUnderTwoCasingsIsNotAmbiguous() throws Exception {
    ObjectMapper mapper = mapper(new NamedType(KafkaSpec.class, "kafka"), new NamedType(KafkaSpec.class, "KAFKA"));
    assertInstanceOf(KafkaSpec.class, mapper.readValue("{\"type\":\"Kafka\"}", Spec.class));
  }

  @Test
  void namesOfUnrelatedTypesAreNotMatched() {
    ObjectMapper mapper = mapper(new NamedType(Unrelated.class, "kafka"), new NamedType(KinesisSpec.class, "kinesis"));
    InvalidTypeIdException e = assertThrows(InvalidTypeIdException.class,
        () -> mapper.readValue("{\"type\":\"Kafka\"}", Spec.class));
    assertTrue(e.getMessage().contains("Kafka"), e.getMessage());
  }

  @Test
  void jsonBodiesReportsAnUnknownIdAsA400() {
    ObjectMapper mapper = mapper(new NamedType(KafkaSpec.class, "kafka"));
    io.kafkaindexing.core.error.DruidException e = assertThrows(io.kafkaindexing.core.error.DruidException.class,
        () -> JsonBodies.read(mapper, "{\"type\":\"rabbit\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            Spec.class, "supervisor spec"));
    assertEquals(400, e.httpStatus());
    assertTrue(e.getMessage().startsWith("Could not resolve type id[rabbit]"), e.getMessage());
  }
}
