package io.kafkaindexing.supervisor.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import io.kafkaindexing.supervisor.Supervisor;
import io.kafkaindexing.supervisor.SupervisorFactory;
import io.kafkaindexing.supervisor.spec.SupervisorSpec;
import io.kafkaindexing.supervisor.task.TaskRunner;

/** Makes {@link KafkaSupervisor}s from {@code kafka} specs. Thread-safe. */
public final class KafkaSupervisorFactory implements SupervisorFactory {
  private final TaskRunner taskRunner;
  private final ObjectMapper mapper;
  private final StartingOffsets startingOffsets;
  private final PublishingGroups publishingGroups;

  @Inject
  public KafkaSupervisorFactory(TaskRunner taskRunner, ObjectMapper mapper, StartingOffsets startingOffsets,
      PublishingGroups publishingGroups) {
    this.publishingGroups = publishingGroups;
    this.taskRunner = taskRunner;
    this.mapper = mapper;
    this.startingOffsets = startingOffsets;
  }

  @Override
  public boolean handles(SupervisorSpec spec) {
    return spec instanceof KafkaSupervisorSpec;
  }

  @Override
  public Supervisor create(SupervisorSpec spec) {
    return new KafkaSupervisor((KafkaSupervisorSpec) spec, taskRunner, mapper, startingOffsets, publishingGroups);
  }
}
