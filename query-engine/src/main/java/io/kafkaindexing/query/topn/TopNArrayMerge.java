package io.kafkaindexing.query.topn;

import io.kafkaindexing.query.QueryContexts;
import io.kafkaindexing.query.Result;
import io.kafkaindexing.query.engine.CombiningColumns;
import io.kafkaindexing.query.engine.GroupColumns;
import io.kafkaindexing.query.engine.NameTable;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.granularity.AllGranularity;
import io.kafkaindexing.segment.granularity.Granularity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link TopNMerger}'s merge when every per-segment entry list is a {@link CompactTopN}: the same
 * pairwise folds with the same answers, on primitives. Per time bucket one table of values (slots
 * of {@link CombiningColumns}) stands for the running result: a fold combines each entry of the
 * next partial into its value's slot when that value is in the running top (marking it combined),
 * else starts a slot afresh from the entry (a value dropped by an earlier fold comes back as a new
 * entry, as with maps: a cut forgets the values it drops and their slots are reused, so the table
 * stays the size of about two partials), then keeps the best {@link TopNQuery#mergeThreshold()} slots by
 * quickselect ({@link RankOrder}: the ranking is a total order, so the kept set is the one
 * {@link TopNRanker#top} keeps, and only the final cut needs sorting). Maps are built for the final
 * rows only, each as the map path would have it: an entry never combined as its segment built it
 * (same key order), a combined one as the fold builds it (dimension, then aggregators in order).
 * Stateless.
 */
final class TopNArrayMerge {
  private TopNArrayMerge() {}

  /** True when every partial's entries are compact (or empty) and at least one is compact. */
  static boolean applies(List<List<Result<List<Map<String, Object>>>>> partials) {
    boolean any = false;
    for (List<Result<List<Map<String, Object>>>> partial : partials) {
      if (!compactOrEmpty(partial)) {
        return false;
      }
      any |= hasCompact(partial);
    }
    return any;
  }

  static List<Result<List<Map<String, Object>>>> merge(TopNQuery query,
      List<List<Result<List<Map<String, Object>>>>> partials) {
    Folder folder = new Folder(query);
    partials.forEach(folder::add);
    return folder.finish();
  }

  /** True when the partial's entries are compact or empty (a partial {@link #merge} can take). */
  static boolean compactOrEmpty(List<Result<List<Map<String, Object>>>> partial) {
    for (Result<List<Map<String, Object>>> r : partial) {
      if (!(r.getValue() instanceof CompactTopN) && !r.getValue().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** True when some of the partial's entries are compact. */
  static boolean hasCompact(List<Result<List<Map<String, Object>>>> partial) {
    for (Result<List<Map<String, Object>>> r : partial) {
      if (r.getValue() instanceof CompactTopN) {
        return true;
      }
    }
    return false;
  }

  /** The running merge: partials added one by one in segment order (each {@link #compactOrEmpty}). Not thread-safe. */
  static final class Folder {
    private final TopNQuery query;
    private final Granularity granularity;
    private final boolean all;
    private final TreeMap<Long, Bucket> buckets = new TreeMap<>();

    Folder(TopNQuery query) {
      this.query = query;
      this.granularity = query.getGranularity();
      this.all = granularity instanceof AllGranularity;
    }

    void add(List<Result<List<Map<String, Object>>>> partial) {
      for (Result<List<Map<String, Object>>> r : partial) {
        long key = all ? 0L : granularity.bucketStart(r.getTimestampMillis());
        CompactTopN entries = r.getValue() instanceof CompactTopN c ? c : null;
        Bucket existing = buckets.get(key);
        if (existing == null) {
          buckets.put(key, new Bucket(query, r.getTimestampMillis(), entries));
        } else {
          existing.fold(entries);
          existing.timestamp = all ? existing.timestamp : granularity.bucketStart(existing.timestamp);
        }
      }
    }

    List<Result<List<Map<String, Object>>>> finish() {
      boolean finalize = QueryContexts.isFinalize(query.getContext());
      List<Result<List<Map<String, Object>>>> out = new ArrayList<>(buckets.size());
      for (Bucket b : buckets.values()) {
        List<Map<String, Object>> finished = new ArrayList<>();
        for (Map<String, Object> entry : b.top(query.getThreshold())) {
          finished.add(TopNMerger.finish(query.aggregations(), entry, finalize));
        }
        out.add(new Result<>(b.timestamp, finished));
      }
      return out;
    }
  }

  /** The running result of one time bucket. */
  private static final class Bucket {
    private final TopNQuery query;
    private final int metric;
    private final int keep;
    long timestamp;
    /** The first partial's entries while nothing was folded into them (null: none). */
    private CompactTopN first;
    private boolean folded;
    private NameTable table;
    private CombiningColumns values;
    private String[] names;
    private boolean[] combined;
    /** Slots of values a cut dropped (forgotten by the table), {@code [0, freeCount)}, for reuse. */
    private int[] free;
    private int freeCount;
    /** The slots of the running result, {@code [0, running)}. */
    private int[] running;
    private int size;

    Bucket(TopNQuery query, long timestamp, CompactTopN first) {
      this.query = query;
      this.metric = TopNEngine.aggregatorIndex(query, query.getMetric().getMetricName(query.getDimension()));
      this.keep = query.mergeThreshold();
      this.timestamp = timestamp;
      this.first = first;
    }

    void fold(CompactTopN next) {
      if (!folded) {
        folded = true;
        int expected = 2 * Math.max(keep, first == null ? 0 : first.size());
        table = new NameTable(expected);
        values = new CombiningColumns(query.getAggregatorSpecs(), expected);
        names = new String[expected];
        combined = new boolean[expected];
        free = new int[expected];
        running = new int[expected];
        if (first != null) {
          String[] firstNames = first.names();
          GroupColumns firstColumns = first.columns();
          for (int i = 0; i < firstNames.length; i++) {
            add(firstNames[i], firstColumns, i);
          }
        }
        first = null;
      }
      if (next == null) {
        return;
      }
      String[] nextNames = next.names();
      GroupColumns nextColumns = next.columns();
      if (!values.accepts(nextColumns)) {
        throw new IllegalStateException("TopN partials of different column types");
      }
      for (int j = 0; j < nextNames.length; j++) {
        int slot = table.get(nextNames[j]);
        if (slot < 0) {
          add(nextNames[j], nextColumns, j);
        } else {
          values.combine(slot, nextColumns, j);
          combined[slot] = true;
        }
      }
      if (size > keep) {
        int[] positions = best(keep);
        int[] kept = new int[running.length];
        for (int k = 0; k < keep; k++) {
          kept[k] = running[positions[k]];
        }
        for (int k = keep; k < size; k++) {
          int dropped = running[positions[k]];
          table.remove(names[dropped]);
          names[dropped] = null;
          free[freeCount++] = dropped;
        }
        running = kept;
        size = keep;
      }
    }

    /** A value not in the running result (new, or dropped by an earlier cut) starts afresh from {@code row}. */
    private void add(String name, GroupColumns from, int row) {
      int slot;
      if (freeCount > 0) {
        slot = free[--freeCount];
        values.set(slot, from, row);
      } else {
        slot = values.add(from, row);
        if (slot == names.length) {
          int capacity = names.length * 2;
          names = Arrays.copyOf(names, capacity);
          combined = Arrays.copyOf(combined, capacity);
          free = Arrays.copyOf(free, capacity);
        }
      }
      names[slot] = name;
      table.put(name, slot);
      combined[slot] = false;
      push(slot);
    }

    private void push(int slot) {
      if (size == running.length) {
        running = Arrays.copyOf(running, size * 2);
      }
      running[size++] = slot;
    }

    /** Positions into {@code running[0..size)}, the best {@code k} first (in no particular order). */
    private int[] best(int k) {
      RankOrder order = order();
      int[] positions = new int[size];
      for (int i = 0; i < size; i++) {
        positions[i] = i;
      }
      order.select(positions, size, k);
      return positions;
    }

    private RankOrder order() {
      long[] keys = new long[size];
      boolean[] nulls = new boolean[size];
      String[] keyNames = new String[size];
      for (int i = 0; i < size; i++) {
        int slot = running[i];
        nulls[i] = values.isNull(metric, slot);
        keys[i] = nulls[i] ? 0 : values.rankKey(metric, slot);
        keyNames[i] = names[slot];
      }
      return new RankOrder(keys, nulls, keyNames, null);
    }

    /** The best {@code threshold} entries in rank order, as the map path's entries. */
    List<Map<String, Object>> top(int threshold) {
      if (!folded) {
        return first == null ? List.of() : first.subList(0, Math.min(first.size(), threshold));
      }
      int n = Math.min(size, threshold);
      int[] positions = best(n);
      order().sort(positions, n);
      List<Map<String, Object>> out = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        out.add(entry(running[positions[k]]));
      }
      return out;
    }

    private Map<String, Object> entry(int slot) {
      List<AggregatorFactory> aggs = query.getAggregatorSpecs();
      if (!combined[slot]) {
        Object[] v = new Object[aggs.size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = values.value(i, slot);
        }
        return TopNEngine.entry(query, names[slot], v, List.of());
      }
      Map<String, Object> m = new LinkedHashMap<>(aggs.size() + 2);
      m.put(query.getDimension().getOutputName(), names[slot]);
      for (int i = 0; i < aggs.size(); i++) {
        m.put(aggs.get(i).getName(), values.value(i, slot));
      }
      return m;
    }
  }
}
