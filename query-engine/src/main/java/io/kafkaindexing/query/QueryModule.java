package io.kafkaindexing.query;

import com.fasterxml.jackson.databind.Module;
import com.google.inject.Binder;
import io.kafkaindexing.core.guice.DruidModule;
import io.kafkaindexing.core.guice.Jerseys;
import io.kafkaindexing.core.guice.NodeRole;
import io.kafkaindexing.core.guice.Servlets;
import io.kafkaindexing.segment.SegmentJacksonModule;
import java.util.List;

/**
 * The Broker's query stack as a host module (the entry point adds it; it is not discovered as an
 * extension): the segment and query JSON types, the {@link SegmentRegistry} and
 * {@link QueryExecutor} singletons, and {@link QueryServlet} and {@link QueryResource} on the Broker port.
 */
public final class QueryModule implements DruidModule {
  @Override
  public List<? extends Module> getJacksonModules() {
    return List.of(new SegmentJacksonModule(), new QueryJacksonModule());
  }

  @Override
  public void configure(Binder binder) {
    binder.bind(SegmentRegistry.class).in(com.google.inject.Scopes.SINGLETON);
    binder.bind(QueryExecutor.class).in(com.google.inject.Scopes.SINGLETON);
    Jerseys.addResource(binder, NodeRole.BROKER, QueryResource.class);
    Servlets.addServlet(binder, NodeRole.BROKER, QueryServlet.class, "/druid/v2", "/druid/v2/");
  }
}
