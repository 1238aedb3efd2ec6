package io.kafkaindexing.core.guice;

import com.google.inject.Binder;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

/**
 * Registers Jersey resources from a Guice module. The resource class is bound as a Guice singleton,
 * so it gets constructor injection; the HTTP server registers the injected instance with Jersey.
 */
public final class Jerseys {
  private Jerseys() {}

  public static void addResource(Binder binder, NodeRole role, Class<?> resourceClass) {
    binder.bind(resourceClass).in(Scopes.SINGLETON);
    Multibinder.newSetBinder(binder, ResourceBinding.class).addBinding()
        .toInstance(new ResourceBinding(role, resourceClass));
  }
}
