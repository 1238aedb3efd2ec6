/**
 * Persisted segments: {@link io.kafkaindexing.segment.persisted.PersistedSegment#load} memory-maps a
 * Druid v9 segment directory and serves it through the segment read API;
 * {@link io.kafkaindexing.segment.persisted.SegmentWriter#persist} writes an incremental index as
 * one; {@link io.kafkaindexing.segment.persisted.SegmentMerger#merge} merges segments of one
 * interval (persisted and/or in memory) into one, rolling rows up again when the metadata says so.
 */
package io.kafkaindexing.segment.persisted;
