package io.kafkaindexing.core.guice;

import com.google.inject.Binder;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import jakarta.servlet.http.HttpServlet;
import java.util.List;

/**
 * Registers plain servlets from a Guice module ({@link ServletBinding}). The servlet class is bound
 * as a Guice singleton, so it gets constructor injection; the HTTP server maps the injected instance.
 */
public final class Servlets {
  private Servlets() {}

  public static void addServlet(Binder binder, NodeRole role, Class<? extends HttpServlet> servletClass,
      String... pathSpecs) {
    binder.bind(servletClass).in(Scopes.SINGLETON);
    Multibinder.newSetBinder(binder, ServletBinding.class).addBinding()
        .toInstance(new ServletBinding(role, servletClass, List.of(pathSpecs)));
  }
}
