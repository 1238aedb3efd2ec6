package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * A query {@code filter}: which rows a query reads. Types are registered by name in the query
 * Jackson module.
 *
 * <p>Filters use SQL's three-valued logic, as Druid 28+ does by default: a comparison with a null
 * value is "unknown", which a filter does not match and whose negation does not match either.
 * Both evaluation paths take {@code includeUnknown} (true inside an odd number of {@code not}s) so
 * that {@code not} can exclude unknown rows. Implementations are immutable and thread-safe.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface DimFilter {
  /**
   * The ids of the rows of the segment that match (plus the unknown ones when
   * {@code includeUnknown}), computed from indexes only; null when the indexes cannot answer
   * (then use {@link #makeMatcher}).
   */
  ImmutableRoaringBitmap bitmap(ColumnIndexes indexes, boolean includeUnknown);

  /** A matcher over the current row of a cursor. */
  ValueMatcher makeMatcher(ColumnSelectorFactory columns);
}
