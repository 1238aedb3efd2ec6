/**
 * Apache Druid's v9 segment format, one class per on-disk structure. Each class draws its layout
 * in its Javadoc, reads it through a bounds-checked {@link io.kafkaindexing.segment.format.ByteCursor}
 * (so a failure names the file and absolute offset, as a
 * {@link io.kafkaindexing.segment.format.CorruptSegmentException}), refuses versions it does not know
 * by naming them, and writes it byte for byte as Druid 33 does.
 *
 * <p>A segment directory holds {@code version.bin} (int 9), {@code factory.json},
 * {@code meta.smoosh} and {@code 00000.smoosh} ({@link io.kafkaindexing.segment.format.SmooshedFiles});
 * the smoosh entries are one per column ({@link io.kafkaindexing.segment.format.ColumnDescriptor}
 * then its part: {@link io.kafkaindexing.segment.format.NumericColumnPart},
 * {@link io.kafkaindexing.segment.format.DictionaryEncodedColumnPart},
 * {@link io.kafkaindexing.segment.format.ComplexColumnPart}), {@code index.drd}
 * ({@link io.kafkaindexing.segment.format.IndexDrd}) and {@code metadata.drd}
 * ({@link io.kafkaindexing.segment.format.MetadataDrd}).
 */
package io.kafkaindexing.segment.format;
