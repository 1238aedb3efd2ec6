package io.kafkaindexing.supervisor;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.google.inject.Binder;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import io.kafkaindexing.core.config.JsonConfigProvider;
import io.kafkaindexing.core.guice.DruidModule;
import io.kafkaindexing.core.guice.Jerseys;
import io.kafkaindexing.core.guice.NodeRole;
import io.kafkaindexing.core.lifecycle.Lifecycle;
import io.kafkaindexing.indexing.input.json.JsonInputFormat;
import io.kafkaindexing.indexing.input.kafka.KafkaInputFormat;
import io.kafkaindexing.indexing.input.kafka.KafkaStringHeaderFormat;
import io.kafkaindexing.indexing.input.text.CsvInputFormat;
import io.kafkaindexing.indexing.input.text.DelimitedInputFormat;
import io.kafkaindexing.indexing.input.text.RegexInputFormat;
import io.kafkaindexing.indexing.kafka.KafkaIndexTask;
import io.kafkaindexing.indexing.task.SegmentAllocator;
import io.kafkaindexing.indexing.task.SegmentPublishAction;
import io.kafkaindexing.indexing.task.TaskToolbox;
import io.kafkaindexing.supervisor.http.SpecJsonWarmUp;
import io.kafkaindexing.supervisor.http.SupervisorResource;
import io.kafkaindexing.supervisor.http.TasksResource;
import io.kafkaindexing.supervisor.http.TaskResource;
import io.kafkaindexing.supervisor.kafka.KafkaSupervisorFactory;
import io.kafkaindexing.supervisor.kafka.KafkaSupervisorSpec;
import io.kafkaindexing.supervisor.kafka.PublishingGroups;
import io.kafkaindexing.supervisor.kafka.StartingOffsets;
import io.kafkaindexing.query.metadata.SegmentsTable;
import io.kafkaindexing.supervisor.overlord.MetadataSegmentAllocator;
import io.kafkaindexing.supervisor.overlord.OverlordPublishAction;
import io.kafkaindexing.supervisor.overlord.PublishingProvider;
import io.kafkaindexing.supervisor.spec.NoopSupervisorSpec;
import io.kafkaindexing.supervisor.store.DataSourceMetadataStore;
import io.kafkaindexing.supervisor.store.PendingSegmentsTable;
import io.kafkaindexing.supervisor.store.SegmentPublisher;
import io.kafkaindexing.supervisor.store.SupervisorStore;
import io.kafkaindexing.supervisor.store.TasksTable;
import io.kafkaindexing.supervisor.task.IngestionWarmUpService;
import io.kafkaindexing.supervisor.task.TaskConfig;
import io.kafkaindexing.supervisor.task.TaskRunner;
import java.util.List;

/**
 * The Kafka indexing service extension ({@code druid-kafka-indexing-service}): supervisor type
 * {@code kafka}, task type {@code index_kafka}, input formats {@code json}, {@code csv}, {@code tsv}
 * (alias {@code delimited}), {@code regex} and {@code kafka} (header format {@code string}), the
 * supervisor and task APIs on the Overlord, and the in-process task runner. Registered through
 * {@code META-INF/services/io.kafkaindexing.core.guice.DruidModule}; the host never imports it.
 */
public final class KafkaIndexingServiceModule implements DruidModule {
  @Override
  public List<? extends Module> getJacksonModules() {
    SimpleModule module = new SimpleModule("KafkaIndexingServiceModule");
    module.registerSubtypes(
        new NamedType(KafkaSupervisorSpec.class, KafkaSupervisorSpec.TYPE),
        new NamedType(NoopSupervisorSpec.class, NoopSupervisorSpec.TYPE),
        new NamedType(KafkaIndexTask.class, KafkaIndexTask.TYPE),
        new NamedType(JsonInputFormat.class, JsonInputFormat.TYPE),
        new NamedType(CsvInputFormat.class, CsvInputFormat.TYPE),
        new NamedType(DelimitedInputFormat.class, DelimitedInputFormat.TYPE),
        new NamedType(DelimitedInputFormat.class, DelimitedInputFormat.ALIAS),
        new NamedType(RegexInputFormat.class, RegexInputFormat.TYPE),
        new NamedType(KafkaInputFormat.class, KafkaInputFormat.TYPE),
        new NamedType(KafkaStringHeaderFormat.class, KafkaStringHeaderFormat.TYPE));
    return List.of(module);
  }

  @Override
  public void configure(Binder binder) {
    binder.bind(SupervisorStore.class).in(Scopes.SINGLETON);
    binder.bind(DataSourceMetadataStore.class).in(Scopes.SINGLETON);
    binder.bind(TasksTable.class).in(Scopes.SINGLETON);
    binder.bind(StartingOffsets.class).in(Scopes.SINGLETON);
    binder.bind(PublishingGroups.class).in(Scopes.SINGLETON);
    binder.bind(SegmentsTable.class).in(Scopes.SINGLETON);
    binder.bind(PendingSegmentsTable.class).in(Scopes.SINGLETON);
    binder.bind(SegmentPublisher.class).in(Scopes.SINGLETON);
    binder.bind(SegmentAllocator.class).to(MetadataSegmentAllocator.class).in(Scopes.SINGLETON);
    Multibinder.newSetBinder(binder, SupervisorFactory.class).addBinding().to(KafkaSupervisorFactory.class);
    JsonConfigProvider.bind(binder, "druid.indexer.task", TaskConfig.class);
    binder.bind(SegmentPublishAction.class).to(OverlordPublishAction.class).in(Scopes.SINGLETON);
    // Present when the host runs deep storage and a Historical; without it tasks cannot publish.
    com.google.inject.multibindings.OptionalBinder.newOptionalBinder(binder, TaskToolbox.Publishing.class)
        .setDefault().toProvider(PublishingProvider.class);
    Lifecycle.register(binder, TaskRunner.class);
    Lifecycle.register(binder, SupervisorManager.class);
    Lifecycle.register(binder, SpecJsonWarmUp.class);
    Lifecycle.register(binder, IngestionWarmUpService.class);
    Jerseys.addResource(binder, NodeRole.OVERLORD, SupervisorResource.class);
    Jerseys.addResource(binder, NodeRole.OVERLORD, TasksResource.class);
    Jerseys.addResource(binder, NodeRole.OVERLORD, TaskResource.class);
  }
}
