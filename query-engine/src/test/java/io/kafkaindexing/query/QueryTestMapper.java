package io.kafkaindexing.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.json.JsonMappers;
import java.util.List;

/** The process mapper as the Broker builds it with the query module's Jackson modules. */
public final class QueryTestMapper {
  private QueryTestMapper() {}

  public static ObjectMapper create() {
    return JsonMappers.create(new QueryModule().getJacksonModules());
  }
}
