package io.kafkaindexing.core.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import com.google.inject.Provider;
import io.kafkaindexing.core.metadata.MetadataStorageConnector;

/** Builds the {@link AuditManager} that {@code druid.audit.manager.type} names. */
public final class AuditManagerProvider implements Provider<AuditManager> {
  private final AuditManagerConfig config;
  private final ObjectMapper mapper;
  private final Provider<MetadataStorageConnector> connector;

  @Inject
  public AuditManagerProvider(AuditManagerConfig config, ObjectMapper mapper,
      Provider<MetadataStorageConnector> connector) {
    this.config = config;
    this.mapper = mapper;
    this.connector = connector;
  }

  @Override
  public AuditManager get() {
    return switch (config.type()) {
      case SQL -> new SqlAuditManager(connector.get(), mapper, config);
      case LOG -> new LoggingAuditManager(mapper, config);
    };
  }
}
