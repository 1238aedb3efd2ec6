package io.kafkaindexing.segment;

import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleAnyAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleFirstAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleLastAggregatorFactory;
import io.kafkaindexing.segment.aggregation.FloatAnyAggregatorFactory;
import io.kafkaindexing.segment.aggregation.FloatFirstAggregatorFactory;
import io.kafkaindexing.segment.aggregation.FloatLastAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongAnyAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongFirstAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongLastAggregatorFactory;
import io.kafkaindexing.segment.aggregation.StringAnyAggregatorFactory;
import io.kafkaindexing.segment.aggregation.StringFirstAggregatorFactory;
import io.kafkaindexing.segment.aggregation.StringLastAggregatorFactory;
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
        new NamedType(HyperUniquesAggregatorFactory.class, "hyperUnique"),
        new NamedType(LongFirstAggregatorFactory.class, "longFirst"),
        new NamedType(LongLastAggregatorFactory.class, "longLast"),
        new NamedType(DoubleFirstAggregatorFactory.class, "doubleFirst"),
        new NamedType(DoubleLastAggregatorFactory.class, "doubleLast"),
        new NamedType(FloatFirstAggregatorFactory.class, "floatFirst"),
        new NamedType(FloatLastAggregatorFactory.class, "floatLast"),
        new NamedType(StringFirstAggregatorFactory.class, "stringFirst"),
        new NamedType(StringLastAggregatorFactory.class, "stringLast"),
        new NamedType(LongAnyAggregatorFactory.class, "longAny"),
        new NamedType(DoubleAnyAggregatorFactory.class, "doubleAny"),
        new NamedType(FloatAnyAggregatorFactory.class, "floatAny"),
        new NamedType(StringAnyAggregatorFactory.class, "stringAny"));
  }
}
