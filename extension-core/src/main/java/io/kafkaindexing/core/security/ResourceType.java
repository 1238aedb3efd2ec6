package io.kafkaindexing.core.security;

/**
 * Druid's resource types. Types are strings (as in Druid), so an extension may define its own;
 * these are the ones the host and the Kafka indexing service check.
 */
public final class ResourceType {
  /** A data source (table), named by the data source name. */
  public static final String DATASOURCE = "DATASOURCE";
  /** Configuration: names {@code CONFIG} and {@code security} (the basic-security management API). */
  public static final String CONFIG = "CONFIG";
  /** Cluster state: the one name {@code STATE}. */
  public static final String STATE = "STATE";

  private ResourceType() {}
}
