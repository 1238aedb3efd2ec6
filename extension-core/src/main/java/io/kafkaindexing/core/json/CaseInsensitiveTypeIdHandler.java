package io.kafkaindexing.core.json;

import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedClassResolver;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import java.util.Collection;

/**
 * Resolves a polymorphic type id that matches a registered name only when letter case is ignored,
 * e.g. {@code "type": "Kafka"} for the registered {@code kafka}. Apache Druid rejects such ids;
 * published walkthroughs use them, so we accept them. Ids that match no name still fail.
 * Stateless and thread-safe.
 */
final class CaseInsensitiveTypeIdHandler extends DeserializationProblemHandler {
  @Override
  public JavaType handleUnknownTypeId(DeserializationContext ctxt, JavaType baseType, String subTypeId,
      TypeIdResolver idResolver, String failureMsg) {
    if (subTypeId == null) {
      return null;
    }
    DeserializationConfig config = ctxt.getConfig();
    AnnotatedClass annotated = AnnotatedClassResolver.resolveWithoutSuperTypes(config, baseType.getRawClass());
    Collection<NamedType> subtypes =
        config.getSubtypeResolver().collectAndResolveSubtypesByTypeId(config, annotated);
    JavaType match = null;
    for (NamedType named : subtypes) {
      if (named.hasName() && named.getName().equalsIgnoreCase(subTypeId)
          && baseType.getRawClass().isAssignableFrom(named.getType())) {
        if (named.getName().equals(subTypeId)) {
          return null; // an exact match would not have reached this handler; let Jackson report it
        }
        if (match != null && !match.getRawClass().equals(named.getType())) {
          return null; // ambiguous: two names differ only by case
        }
        match = ctxt.constructType(named.getType());
      }
    }
    return match;
  }
}
