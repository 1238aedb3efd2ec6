package io.kafkaindexing.supervisor.overlord;

import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provider;
import io.kafkaindexing.core.storage.DeepStorage;
import io.kafkaindexing.indexing.task.HandoffWatcher;
import io.kafkaindexing.indexing.task.SegmentPublishAction;
import io.kafkaindexing.indexing.task.SegmentPusher;
import io.kafkaindexing.indexing.task.TaskToolbox;
import io.kafkaindexing.query.historical.SegmentHandoff;
import io.kafkaindexing.segment.SegmentId;
import java.io.File;
import java.io.IOException;
import java.time.Duration;

/**
 * How this process's tasks publish: push to the host's deep storage, publish through the
 * Overlord's transaction, and wait for the host's Historical to serve the segments. Null (tasks do
 * not publish) when the host runs no Historical, since nothing would ever serve what they publish.
 */
public final class PublishingProvider implements Provider<TaskToolbox.Publishing> {
  /** Druid's {@code handoffConditionTimeout} of 0 means waiting without limit. */
  private static final Duration NO_LIMIT = Duration.ofDays(3650);

  private final Injector injector;
  private final SegmentPublishAction publishAction;

  @Inject
  public PublishingProvider(Injector injector, SegmentPublishAction publishAction) {
    this.injector = injector;
    this.publishAction = publishAction;
  }

  @Override
  public TaskToolbox.Publishing get() {
    if (injector.getExistingBinding(Key.get(SegmentHandoff.class)) == null
        || injector.getExistingBinding(Key.get(DeepStorage.class)) == null) {
      return null;
    }
    DeepStorage deepStorage = injector.getInstance(DeepStorage.class);
    SegmentHandoff handoff = injector.getInstance(SegmentHandoff.class);
    SegmentPusher pusher = (File dir, SegmentId id) -> push(deepStorage, dir, id);
    HandoffWatcher watcher = (id, timeoutMillis) ->
        handoff.awaitLoaded(id, timeoutMillis <= 0 ? NO_LIMIT : Duration.ofMillis(timeoutMillis));
    return new TaskToolbox.Publishing(pusher, publishAction, watcher);
  }

  private static SegmentPusher.Pushed push(DeepStorage deepStorage, File dir, SegmentId id) throws IOException {
    var pushed = deepStorage.push(dir, id.dataSource(), id.interval(), id.version(), id.partitionNum());
    return new SegmentPusher.Pushed(pushed.loadSpec(), pushed.sizeBytes());
  }
}
