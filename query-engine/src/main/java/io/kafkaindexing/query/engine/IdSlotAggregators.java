package io.kafkaindexing.query.engine;

import io.kafkaindexing.query.aggregation.Aggregations;
import io.kafkaindexing.segment.aggregation.Aggregator;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.IndexedInts;
import java.util.Arrays;

/**
 * One set of aggregators per dictionary id of a dimension, for engines that group a segment's rows
 * by one dictionary-encoded column (topN, single-dimension groupBy): slot {@code id + 1} holds the
 * aggregators of the value with that id, slot 0 those of an empty row (id -1, the null value).
 * Remembers the slots in the order their first row came. Not thread-safe: one per segment scan.
 */
public final class IdSlotAggregators {
  private final Aggregations aggregations;
  private final Aggregator[][] slots;
  private int[] seen = new int[16];
  private int groups;

  public IdSlotAggregators(Aggregations aggregations, int cardinality) {
    this.aggregations = aggregations;
    this.slots = new Aggregator[cardinality + 1][];
  }

  /** Aggregates the current row of {@code selectors} into the slot of each id in {@code ids}. */
  public void aggregate(IndexedInts ids, ColumnSelectorFactory selectors) {
    for (int i = 0, n = ids.size(); i < n; i++) {
      int slot = ids.get(i) + 1;
      Aggregator[] aggregators = slots[slot];
      if (aggregators == null) {
        aggregators = aggregations.factorize(selectors);
        slots[slot] = aggregators;
        if (groups == seen.length) {
          seen = Arrays.copyOf(seen, groups * 2);
        }
        seen[groups++] = slot;
      }
      for (Aggregator a : aggregators) {
        a.aggregate();
      }
    }
  }

  /** How many slots have rows. */
  public int groups() {
    return groups;
  }

  /** The slots with rows, in the order their first row came (the first {@link #groups()} entries). */
  public int[] order() {
    return seen;
  }

  /** The aggregators of {@code slot}; null when no row came to it. */
  public Aggregator[] aggregators(int slot) {
    return slots[slot];
  }

  /** The aggregated values of {@code slot}, in the aggregators' order. */
  public Object[] values(int slot) {
    Aggregator[] aggregators = slots[slot];
    Object[] values = new Object[aggregators.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = aggregators[i].get();
    }
    return values;
  }
}
