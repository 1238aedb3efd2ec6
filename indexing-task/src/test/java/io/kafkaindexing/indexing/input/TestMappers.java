package io.kafkaindexing.indexing.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.kafkaindexing.core.json.JsonMappers;
import io.kafkaindexing.indexing.input.json.JsonInputFormat;
import io.kafkaindexing.indexing.input.kafka.KafkaInputFormat;
import io.kafkaindexing.indexing.input.kafka.KafkaStringHeaderFormat;
import io.kafkaindexing.indexing.input.text.CsvInputFormat;
import io.kafkaindexing.indexing.input.text.DelimitedInputFormat;
import io.kafkaindexing.indexing.input.text.RegexInputFormat;
import io.kafkaindexing.query.QueryModule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The process mapper with the input format names the extension module registers (the module lives
 * in the supervisor module, which this one cannot see), plus helpers to read records in tests.
 */
public final class TestMappers {
  private TestMappers() {}

  public static ObjectMapper mapper() {
    SimpleModule formats = new SimpleModule("TestInputFormats");
    formats.registerSubtypes(
        new NamedType(JsonInputFormat.class, JsonInputFormat.TYPE),
        new NamedType(CsvInputFormat.class, CsvInputFormat.TYPE),
        new NamedType(DelimitedInputFormat.class, DelimitedInputFormat.TYPE),
        new NamedType(DelimitedInputFormat.class, DelimitedInputFormat.ALIAS),
        new NamedType(RegexInputFormat.class, RegexInputFormat.TYPE),
        new NamedType(KafkaInputFormat.class, KafkaInputFormat.TYPE),
        new NamedType(KafkaStringHeaderFormat.class, KafkaStringHeaderFormat.TYPE));
    List<com.fasterxml.jackson.databind.Module> modules = new ArrayList<>(new QueryModule().getJacksonModules());
    modules.add(formats);
    return JsonMappers.create(modules);
  }

  /** An input format from its JSON (single quotes allowed for readability). */
  public static InputFormat format(String json) {
    try {
      return mapper().readValue(json.replace('\'', '"'), InputFormat.class);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  public static InputEntity record(String value) {
    return InputEntity.ofValue(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }
}
