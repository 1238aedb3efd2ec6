package io.kafkaindexing.supervisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkaindexing.supervisor.SupervisorTestSupport;
import io.kafkaindexing.supervisor.spec.SupervisorSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warm-up's sample specs are valid specs of both forms (they would otherwise warm up nothing but the error path). */
class SpecJsonWarmUpTest {
  @Test
  void bothSampleSpecsReadAsKafkaSupervisorSpecs() throws Exception {
    List<SupervisorSpec> specs = new SpecJsonWarmUp(SupervisorTestSupport.mapper()).readSpecs();
    assertEquals(2, specs.size());
    assertEquals(List.of("warm-up"), specs.get(0).getDataSources());
    assertEquals(List.of("warm-up-legacy"), specs.get(1).getDataSources());
    assertEquals("kafka", specs.get(0).getType());
  }
}
