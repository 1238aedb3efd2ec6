package io.kafkaindexing.indexing.appenderator;

import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.incremental.IncrementalIndex;

/**
 * The rows a task holds for one segment: its id (interval, version, partition) and the in-memory
 * index that serves queries while rows arrive. Immutable holder; the index is thread-safe for one
 * writer and concurrent readers.
 */
record Sink(SegmentId id, IncrementalIndex index) {
}
