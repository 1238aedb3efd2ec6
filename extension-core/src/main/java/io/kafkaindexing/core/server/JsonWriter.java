package io.kafkaindexing.core.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.kafkaindexing.core.security.password.SecretMasker;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes response entities as JSON with the process's mapper; with {@code ?pretty} in the URL
 * (as Druid's APIs accept) the output is indented. On the Overlord, secrets in
 * {@code consumerProperties} are masked ({@link SecretMasker}). Thread-safe: {@code uriInfo} is a per-request
 * proxy injected by Jersey.
 */
@Produces({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public final class JsonWriter implements MessageBodyWriter<Object> {
  private final ObjectWriter compact;
  private final ObjectWriter pretty;
  private final ObjectMapper mapper;
  private final boolean maskSecrets;

  @Context
  private UriInfo uriInfo;

  public JsonWriter(ObjectMapper mapper) {
    this(mapper, false);
  }

  /** With {@code maskSecrets}, answers go through {@link SecretMasker} (the Overlord's specs and task payloads). */
  public JsonWriter(ObjectMapper mapper, boolean maskSecrets) {
    this.mapper = mapper;
    this.maskSecrets = maskSecrets;
    this.compact = mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    this.pretty = mapper.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  @Override
  public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return !String.class.equals(type) && !byte[].class.equals(type)
        && !jakarta.ws.rs.core.StreamingOutput.class.isAssignableFrom(type);
  }

  @Override
  public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations,
      MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
    boolean indent = uriInfo != null && uriInfo.getQueryParameters().containsKey("pretty");
    (indent ? pretty : compact).writeValue(out, maskSecrets ? SecretMasker.mask(mapper.valueToTree(value)) : value);
  }
}
