package io.kafkaindexing.segment;

import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleMaxAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleMinAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleSumAggregatorFactory;
import io.kafkaindexing.segment.aggregation.FloatMaxAggregatorFactory;
import io.kafkaindexing.segment.aggregation.FloatMinAggregatorFactory;
import io.kafkaindexing.segment.aggregation.FloatSumAggregatorFactory;
import io.kafkaindexing.segment.aggregation.HyperUniquesAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongMaxAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongMinAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongSumAggregatorFactory;

/** Registers this module's JSON type names (aggregators) with a Jackson mapper. */
public final class SegmentJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  public SegmentJacksonModule() {
    super("SegmentJacksonModule");
    registerSubtypes(
        new NamedType(CountAggregatorFactory.class, "count"),
        new NamedType(LongSumAggregatorFactory.class, "longSum"),
        new NamedType(LongMinAggregatorFactory.class, "longMin"),
        new NamedType(LongMaxAggregatorFactory.class, "longMax"),
        new NamedType(DoubleSumAggregatorFactory.class, "doubleSum"),
        new NamedType(DoubleMinAggregatorFactory.class, "doubleMin"),
        new NamedType(DoubleMaxAggregatorFactory.class, "doubleMax"),
        new NamedType(FloatSumAggregatorFactory.class, "floatSum"),
        new NamedType(FloatMinAggregatorFactory.class, "floatMin"),
        new NamedType(FloatMaxAggregatorFactory.class, "floatMax"),
        new NamedType(HyperUniquesAggregatorFactory.class, "hyperUnique"));
  }
}
