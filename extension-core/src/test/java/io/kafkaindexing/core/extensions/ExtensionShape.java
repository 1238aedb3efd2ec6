package io.kafkaindexing.core.extensions;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A host-side polymorphic type that test extensions (compiled at test time) implement. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface ExtensionShape {
}
