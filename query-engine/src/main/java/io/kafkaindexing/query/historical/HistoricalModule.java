package io.kafkaindexing.query.historical;

import com.google.inject.Binder;
import io.kafkaindexing.core.config.JsonConfigProvider;
import io.kafkaindexing.core.guice.DruidModule;
import io.kafkaindexing.core.lifecycle.Lifecycle;

/**
 * The Historical role as a host module (the entry point lists it next to
 * {@link io.kafkaindexing.query.QueryModule}, which it needs for the segment registry): its
 * configuration ({@code druid.historical.*}, {@code druid.segmentCache.*}), the {@link Historical}
 * service and the {@link SegmentHandoff} view of it that real-time tasks wait on.
 */
public final class HistoricalModule implements DruidModule {
  @Override
  public void configure(Binder binder) {
    JsonConfigProvider.bind(binder, "druid.historical", HistoricalConfig.class);
    JsonConfigProvider.bind(binder, "druid.segmentCache", SegmentCacheConfig.class);
    Lifecycle.register(binder, Historical.class);
    binder.bind(SegmentHandoff.class).to(Historical.class);
  }
}
