package io.kafkaindexing.core.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.joda.JodaModule;
import java.util.List;

/**
 * Builds the process's JSON mapper. Settings follow what Druid users rely on: Joda types, dates as
 * ISO strings, type ids accepted in any letter case ({@code "type": "Kafka"}), and numbers given as
 * strings coerced ({@code "maxRowsInMemory": "100000"}, Jackson's default scalar coercion).
 */
public final class JsonMappers {
  private JsonMappers() {}

  public static ObjectMapper create(List<? extends com.fasterxml.jackson.databind.Module> modules) {
    ObjectMapper mapper = JsonMapper.builder()
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .addModule(new JodaModule())
        .addHandler(new CaseInsensitiveTypeIdHandler())
        .build();
    modules.forEach(mapper::registerModule);
    return mapper;
  }
}
