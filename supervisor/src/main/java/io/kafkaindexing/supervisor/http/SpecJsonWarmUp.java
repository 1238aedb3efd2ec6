package io.kafkaindexing.supervisor.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.core.lifecycle.Managed;
import io.kafkaindexing.supervisor.spec.SupervisorSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes two sample supervisor specs (an {@code inputFormat} one and a legacy
 * {@code parser} one, {@code warm-up-specs.json}) during start-up, on the lifecycle's prepare
 * thread while the earlier stages start, so that Jackson builds its (de)serializers for the spec's
 * classes then and not while the first {@code POST /druid/indexer/v1/supervisor} waits. Nothing is
 * stored or started; a failure is only logged (the first POST is then slower).
 */
public final class SpecJsonWarmUp implements Managed.Preparable {
  private static final Logger log = LoggerFactory.getLogger(SpecJsonWarmUp.class);
  static final String SPECS = "warm-up-specs.json";

  private final ObjectMapper mapper;

  @Inject
  public SpecJsonWarmUp(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Stage stage() {
    return Stage.SERVER;
  }

  @Override
  public void prepare() {
    long start = System.nanoTime();
    try {
      readSpecs();
      log.debug("Supervisor spec JSON warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
    } catch (IOException | RuntimeException e) {
      log.warn("Supervisor spec JSON warm-up failed (the first POST of a spec is slower): {}", e.toString());
    }
  }

  @Override
  public void start() {}

  /** Reads the sample specs as a POST does, then writes each as a tree; returns the specs read. */
  List<SupervisorSpec> readSpecs() throws IOException {
    List<SupervisorSpec> specs = new ArrayList<>();
    try (InputStream in = SpecJsonWarmUp.class.getResourceAsStream(SPECS)) {
      if (in == null) {
        throw new IOException("resource " + SPECS + " is missing");
      }
      for (JsonNode node : mapper.readTree(in)) {
        // the POST's path: the body read as a spec, then the spec as a tree (secrets kept as stored)
        SupervisorSpec spec = JsonBodies.read(mapper, mapper.writeValueAsBytes(node), SupervisorSpec.class,
            "supervisor spec");
        mapper.valueToTree(spec);
        specs.add(spec);
      }
    }
    return specs;
  }

  @Override
  public void stop() {}
}
