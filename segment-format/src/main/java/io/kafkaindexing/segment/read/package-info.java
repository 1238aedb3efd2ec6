/**
 * The segment read API every query engine uses, implemented by the in-memory incremental index and
 * by memory-mapped persisted segments ({@code io.kafkaindexing.segment.persisted.PersistedSegment}).
 *
 * <ul>
 *   <li>{@link io.kafkaindexing.segment.read.Segment}: queryable data that can be announced to the
 *       Broker. Reading goes through a {@link io.kafkaindexing.segment.read.SegmentView} obtained
 *       with {@code open()}: a consistent view that stays valid (and unchanged) until closed.</li>
 *   <li>{@link io.kafkaindexing.segment.read.Cursor}: the view's rows in time order, restricted to an
 *       interval (and optionally to a row-id bitmap), with column selectors for the current row.</li>
 *   <li>Per-column indexes, looked up by capability through
 *       {@link io.kafkaindexing.segment.read.ColumnIndexSupplier#as(Class)}:
 *       {@link io.kafkaindexing.segment.read.DictionaryEncodedValueIndex} (dictionary + one Roaring
 *       bitmap of row ids per value) on string columns and
 *       {@link io.kafkaindexing.segment.read.TimeRangeIndex} on {@code __time}.</li>
 * </ul>
 *
 * <p>Row ids: every view numbers its rows {@code 0..numRows-1}. Bitmaps from indexes, the time
 * index and {@link io.kafkaindexing.segment.read.Cursor#getRowId()} all use that numbering, so a
 * count such as "rows in this interval whose {@code user} is {@code bob}" is the cardinality of
 * {@code timeIndex.rowsIn(interval) AND valueIndex.getBitmap(id)}. The numbering need not follow
 * time order (the in-memory index numbers rows in arrival order).
 */
package io.kafkaindexing.segment.read;
