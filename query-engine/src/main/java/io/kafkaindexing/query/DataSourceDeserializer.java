package io.kafkaindexing.query;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.kafkaindexing.core.error.DruidException;
import java.io.IOException;

/**
 * Reads a {@link DataSource}: a {@code query} data source's inner query with the same mapper (so
 * every registered type is known), every other form through {@link DataSource#fromJson}. Refusals
 * keep their message and name the field. Stateless.
 */
final class DataSourceDeserializer extends StdDeserializer<DataSource> {
  private static final long serialVersionUID = 1L;

  DataSourceDeserializer() {
    super(DataSource.class);
  }

  @Override
  public DataSource deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode node = p.readValueAsTree();
    try {
      if (node != null && node.isObject() && "query".equalsIgnoreCase(node.path("type").asText())) {
        JsonNode inner = node.get("query");
        if (inner == null || !inner.isObject()) {
          throw DruidException.invalidInput("Field[dataSource.query] of a query data source must be a query");
        }
        return DataSource.query(ctxt.readTreeAsValue(inner, Query.class));
      }
      return DataSource.fromJson(node);
    } catch (DruidException e) {
      throw ValueInstantiationException.from(p, e.getMessage(), ctxt.constructType(DataSource.class), e);
    }
  }

  @Override
  public DataSource getNullValue(DeserializationContext ctxt) {
    return null;
  }
}
