package io.kafkaindexing.core.guice;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.kafkaindexing.core.audit.AuditManager;
import io.kafkaindexing.core.audit.AuditManagerConfig;
import io.kafkaindexing.core.audit.AuditManagerProvider;
import io.kafkaindexing.core.config.JsonConfigProvider;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.lifecycle.Lifecycle;
import io.kafkaindexing.core.lifecycle.Managed;
import io.kafkaindexing.core.metadata.MetadataStorageConfig;
import io.kafkaindexing.core.metadata.MetadataStorageConnector;
import io.kafkaindexing.core.security.SecurityModule;
import io.kafkaindexing.core.server.HttpServer;
import io.kafkaindexing.core.server.ServerConfig;
import io.kafkaindexing.core.storage.DeepStorage;
import io.kafkaindexing.core.storage.DeepStorageConfig;
import io.kafkaindexing.core.storage.LocalDeepStorage;

/**
 * Host bindings every process has: configuration, the JSON mapper (with every module's Jackson
 * types), the lifecycle, the metadata store connector, the audit manager
 * ({@code druid.audit.manager.*}), deep storage ({@code druid.storage.*}) and the HTTP server with
 * its authentication and authorization ({@code druid.auth.*}).
 */
public final class CoreModule extends AbstractModule {
  private final RuntimeProperties properties;
  private final ObjectMapper mapper;

  public CoreModule(RuntimeProperties properties, ObjectMapper mapper) {
    this.properties = properties;
    this.mapper = mapper;
  }

  @Override
  protected void configure() {
    bind(RuntimeProperties.class).toInstance(properties);
    bind(ObjectMapper.class).toInstance(mapper);
    Lifecycle.declare(binder());
    Multibinder.newSetBinder(binder(), ResourceBinding.class);
    Multibinder.newSetBinder(binder(), ServletBinding.class);
    JsonConfigProvider.bind(binder(), "druid.server", ServerConfig.class);
    JsonConfigProvider.bind(binder(), "druid.server.https", io.kafkaindexing.core.server.TlsServerConfig.class);
    JsonConfigProvider.bind(binder(), "druid.metadata.storage", MetadataStorageConfig.class);
    Lifecycle.register(binder(), MetadataStorageConnector.class);
    JsonConfigProvider.bind(binder(), "druid.audit.manager", AuditManagerConfig.class);
    bind(AuditManager.class).toProvider(AuditManagerProvider.class).in(com.google.inject.Scopes.SINGLETON);
    Multibinder.newSetBinder(binder(), Managed.class).addBinding().to(AuditManager.class);
    JsonConfigProvider.bind(binder(), "druid.storage", DeepStorageConfig.class);
    bind(DeepStorage.class).to(LocalDeepStorage.class);
    install(new SecurityModule());
    Lifecycle.register(binder(), HttpServer.class);
  }
}
