package io.kafkaindexing.core.guice;

/** The Druid roles whose REST APIs this process serves, each on its own port. */
public enum NodeRole {
  /** Supervisors and tasks: {@code /druid/indexer/v1/...}; port 8081 by default. */
  OVERLORD,
  /** Native queries: {@code /druid/v2/...}; port 8082 by default. */
  BROKER
}
