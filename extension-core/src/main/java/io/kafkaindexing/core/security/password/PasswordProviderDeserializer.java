package io.kafkaindexing.core.security.password;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** Reads a {@link PasswordProvider} from a JSON string or a typed object; an unknown type names the field. */
final class PasswordProviderDeserializer extends JsonDeserializer<PasswordProvider> {
  @Override
  public PasswordProvider deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode node = p.readValueAsTree();
    return PasswordProviders.fromJson(node, p.getParsingContext().getCurrentName());
  }
}
