package io.kafkaindexing.query.metadata;

import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularity;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.joda.time.Interval;
import org.joda.time.chrono.ISOChronology;

/**
 * Merges segment analyses (oldest first) as Druid's {@code mergeAnalyses}: id {@code "merged"}
 * unless all agree; intervals condensed; columns folded (types must agree, sizes add, the largest
 * cardinality, the smallest min and largest max); sizes and row counts add; aggregators per the
 * merge strategy; timestampSpec, queryGranularity and rollup kept only when all agree. Stateless.
 */
final class SegmentAnalysisMerger {
  private SegmentAnalysisMerger() {}

  static SegmentAnalysis merge(SegmentMetadataQuery query, List<SegmentAnalysis> analyses) {
    SegmentAnalysis acc = analyses.get(0);
    for (int i = 1; i < analyses.size(); i++) {
      acc = fold(query, acc, analyses.get(i));
    }
    List<String> intervals = acc.intervals() == null ? null : condense(acc.intervals());
    return new SegmentAnalysis(acc.id(), intervals, acc.columns(), acc.size(), acc.numRows(), acc.aggregators(),
        acc.timestampSpec(), acc.queryGranularity(), acc.rollup());
  }

  private static SegmentAnalysis fold(SegmentMetadataQuery query, SegmentAnalysis a, SegmentAnalysis b) {
    List<String> intervals = null;
    if (a.intervals() != null || b.intervals() != null) {
      intervals = new ArrayList<>();
      if (a.intervals() != null) {
        intervals.addAll(a.intervals());
      }
      if (b.intervals() != null) {
        intervals.addAll(b.intervals());
      }
    }
    Map<String, ColumnAnalysis> columns = new LinkedHashMap<>();
    a.columns().forEach((name, c) -> columns.put(name, c.fold(b.columns().get(name))));
    b.columns().forEach(columns::putIfAbsent);
    String id = Objects.equals(a.id(), b.id()) ? a.id() : "merged";
    TimestampSpec timestampSpec = Objects.equals(a.timestampSpec(), b.timestampSpec()) ? a.timestampSpec() : null;
    Granularity granularity = Objects.equals(a.queryGranularity(), b.queryGranularity()) ? a.queryGranularity() : null;
    Boolean rollup = a.rollup() != null && a.rollup().equals(b.rollup()) ? a.rollup() : null;
    return new SegmentAnalysis(id, intervals, columns, a.size() + b.size(), a.numRows() + b.numRows(),
        aggregators(query.getAggregatorMergeStrategy(), a.aggregators(), b.aggregators()), timestampSpec,
        granularity, rollup);
  }

  private static Map<String, AggregatorFactory> aggregators(String strategy, Map<String, AggregatorFactory> a,
      Map<String, AggregatorFactory> b) {
    if (strategy.equals("strict")) {
      if (a == null || b == null) {
        return null;
      }
      Map<String, AggregatorFactory> out = new HashMap<>(a);
      for (Map.Entry<String, AggregatorFactory> e : b.entrySet()) {
        AggregatorFactory mine = out.get(e.getKey());
        if (mine != null && !mine.equals(e.getValue())) {
          return null;
        }
        out.put(e.getKey(), e.getValue());
      }
      return out.isEmpty() ? null : out;
    }
    Map<String, AggregatorFactory> out = new HashMap<>();
    for (Map<String, AggregatorFactory> side : List.of(a == null ? Map.<String, AggregatorFactory>of() : a,
        b == null ? Map.<String, AggregatorFactory>of() : b)) {
      for (Map.Entry<String, AggregatorFactory> e : side.entrySet()) {
        boolean present = out.containsKey(e.getKey());
        AggregatorFactory mine = out.get(e.getKey());
        switch (strategy) {
          case "earliest" -> out.putIfAbsent(e.getKey(), e.getValue());
          case "latest" -> out.put(e.getKey(), e.getValue());
          default -> out.put(e.getKey(), !present ? e.getValue() : mine != null && mine.equals(e.getValue()) ? mine : null);
        }
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static List<String> condense(List<String> intervals) {
    List<Interval> parsed = new ArrayList<>();
    intervals.forEach(s -> parsed.add(new Interval(s, ISOChronology.getInstanceUTC())));
    parsed.sort(Comparator.comparingLong(Interval::getStartMillis).thenComparingLong(Interval::getEndMillis));
    List<Interval> out = new ArrayList<>();
    for (Interval next : parsed) {
      Interval last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && next.getStartMillis() <= last.getEndMillis()) {
        out.set(out.size() - 1, new Interval(last.getStartMillis(), Math.max(last.getEndMillis(), next.getEndMillis()),
            ISOChronology.getInstanceUTC()));
      } else {
        out.add(next);
      }
    }
    List<String> strings = new ArrayList<>();
    out.forEach(i -> strings.add(i.toString()));
    return strings;
  }
}
