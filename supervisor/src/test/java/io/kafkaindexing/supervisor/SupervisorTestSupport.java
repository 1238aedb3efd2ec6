package io.kafkaindexing.supervisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.core.json.JsonMappers;
import io.kafkaindexing.query.QueryModule;
import io.kafkaindexing.supervisor.spec.SupervisorSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The process mapper with the host's and this extension's JSON types, and the seed fixtures. */
public final class SupervisorTestSupport {
  private SupervisorTestSupport() {}

  public static ObjectMapper mapper() {
    List<Module> modules = new ArrayList<>(new QueryModule().getJacksonModules());
    modules.addAll(new KafkaIndexingServiceModule().getJacksonModules());
    return JsonMappers.create(modules);
  }

  public static Path fixture(String relative) {
    return Path.of(System.getProperty("fixtures.dir", "../src/test/resources")).resolve(relative);
  }

  public static String read(String relative) {
    try {
      return Files.readString(fixture(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a spec the way {@code POST /druid/indexer/v1/supervisor} does. */
  public static SupervisorSpec parse(ObjectMapper mapper, String json) {
    return JsonBodies.read(mapper, json.getBytes(StandardCharsets.UTF_8), SupervisorSpec.class, "supervisor spec");
  }

  public static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
