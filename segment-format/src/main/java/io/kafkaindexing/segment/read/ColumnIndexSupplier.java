package io.kafkaindexing.segment.read;

/**
 * The indexes one column offers, looked up by capability instead of by type tests, e.g.
 * {@code supplier.as(DictionaryEncodedValueIndex.class)}. Valid while its view is open.
 */
public interface ColumnIndexSupplier {
  /** The index of type {@code indexType}, or null when this column has no such index. */
  <T> T as(Class<T> indexType);
}
