package io.kafkaindexing.query;

import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.kafkaindexing.query.aggregation.ArithmeticPostAggregator;
import io.kafkaindexing.query.aggregation.CardinalityAggregatorFactory;
import io.kafkaindexing.query.aggregation.ConstantPostAggregator;
import io.kafkaindexing.query.aggregation.DoubleGreatestPostAggregator;
import io.kafkaindexing.query.aggregation.DoubleLeastPostAggregator;
import io.kafkaindexing.query.aggregation.ExpressionPostAggregator;
import io.kafkaindexing.query.aggregation.FieldAccessPostAggregator;
import io.kafkaindexing.query.aggregation.FilteredAggregatorFactory;
import io.kafkaindexing.query.aggregation.FinalizingFieldAccessPostAggregator;
import io.kafkaindexing.query.aggregation.GroupingAggregatorFactory;
import io.kafkaindexing.query.aggregation.HyperUniqueCardinalityPostAggregator;
import io.kafkaindexing.query.aggregation.LongGreatestPostAggregator;
import io.kafkaindexing.query.aggregation.LongLeastPostAggregator;
import io.kafkaindexing.query.dimension.DefaultDimensionSpec;
import io.kafkaindexing.query.dimension.ExtractionDimensionSpec;
import io.kafkaindexing.query.dimension.ListFilteredDimensionSpec;
import io.kafkaindexing.query.dimension.LookupDimensionSpec;
import io.kafkaindexing.query.dimension.PrefixFilteredDimensionSpec;
import io.kafkaindexing.query.dimension.RegexFilteredDimensionSpec;
import io.kafkaindexing.query.extraction.BucketExtractionFn;
import io.kafkaindexing.query.extraction.CascadeExtractionFn;
import io.kafkaindexing.query.extraction.LookupExtractionFn;
import io.kafkaindexing.query.extraction.LowerExtractionFn;
import io.kafkaindexing.query.extraction.PartialExtractionFn;
import io.kafkaindexing.query.extraction.RegexExtractionFn;
import io.kafkaindexing.query.extraction.SearchQuerySpecExtractionFn;
import io.kafkaindexing.query.extraction.StringFormatExtractionFn;
import io.kafkaindexing.query.extraction.StrlenExtractionFn;
import io.kafkaindexing.query.extraction.SubstringExtractionFn;
import io.kafkaindexing.query.extraction.TimeFormatExtractionFn;
import io.kafkaindexing.query.extraction.TimeParseExtractionFn;
import io.kafkaindexing.query.extraction.UpperExtractionFn;
import io.kafkaindexing.query.filter.AndDimFilter;
import io.kafkaindexing.query.filter.ArrayContainsElementDimFilter;
import io.kafkaindexing.query.filter.BoundDimFilter;
import io.kafkaindexing.query.filter.ColumnComparisonDimFilter;
import io.kafkaindexing.query.filter.EqualityDimFilter;
import io.kafkaindexing.query.filter.ExpressionDimFilter;
import io.kafkaindexing.query.filter.ExtractionDimFilter;
import io.kafkaindexing.query.filter.FalseDimFilter;
import io.kafkaindexing.query.filter.InDimFilter;
import io.kafkaindexing.query.filter.IntervalDimFilter;
import io.kafkaindexing.query.filter.LikeDimFilter;
import io.kafkaindexing.query.filter.NotDimFilter;
import io.kafkaindexing.query.filter.NullDimFilter;
import io.kafkaindexing.query.filter.OrDimFilter;
import io.kafkaindexing.query.filter.RangeDimFilter;
import io.kafkaindexing.query.filter.RegexDimFilter;
import io.kafkaindexing.query.filter.SearchQueryDimFilter;
import io.kafkaindexing.query.filter.SelectorDimFilter;
import io.kafkaindexing.query.filter.TrueDimFilter;
import io.kafkaindexing.query.filter.TypedInDimFilter;
import io.kafkaindexing.query.groupby.GroupByQuery;
import io.kafkaindexing.query.groupby.having.AlwaysHavingSpec;
import io.kafkaindexing.query.groupby.having.AndHavingSpec;
import io.kafkaindexing.query.groupby.having.DimSelectorHavingSpec;
import io.kafkaindexing.query.groupby.having.EqualToHavingSpec;
import io.kafkaindexing.query.groupby.having.FilterHavingSpec;
import io.kafkaindexing.query.groupby.having.GreaterThanHavingSpec;
import io.kafkaindexing.query.groupby.having.LessThanHavingSpec;
import io.kafkaindexing.query.groupby.having.NeverHavingSpec;
import io.kafkaindexing.query.groupby.having.NotHavingSpec;
import io.kafkaindexing.query.groupby.having.OrHavingSpec;
import io.kafkaindexing.query.metadata.DataSourceMetadataQuery;
import io.kafkaindexing.query.metadata.SegmentMetadataQuery;
import io.kafkaindexing.query.scan.ScanQuery;
import io.kafkaindexing.query.search.AllSearchQuerySpec;
import io.kafkaindexing.query.search.ContainsSearchQuerySpec;
import io.kafkaindexing.query.search.FragmentSearchQuerySpec;
import io.kafkaindexing.query.search.InsensitiveContainsSearchQuerySpec;
import io.kafkaindexing.query.search.RegexSearchQuerySpec;
import io.kafkaindexing.query.search.SearchQuery;
import io.kafkaindexing.query.timeseries.TimeseriesQuery;
import io.kafkaindexing.query.timeboundary.TimeBoundaryQuery;
import io.kafkaindexing.query.topn.TopNQuery;
import io.kafkaindexing.query.virtual.ExpressionVirtualColumn;
import java.util.List;

/**
 * Registers the JSON type names of the native query model: query types ({@code queryType}),
 * search query specs, dimension specs, filters, post-aggregators and virtual columns.
 */
public final class QueryJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** The supported {@code queryType} names. */
  public static final List<String> QUERY_TYPES = List.of(SearchQuery.TYPE, TimeseriesQuery.TYPE, TopNQuery.TYPE,
      GroupByQuery.TYPE, ScanQuery.TYPE, TimeBoundaryQuery.TYPE, SegmentMetadataQuery.TYPE, DataSourceMetadataQuery.TYPE);

  public QueryJacksonModule() {
    super("QueryJacksonModule");
    registerSubtypes(
        new NamedType(SearchQuery.class, SearchQuery.TYPE),
        new NamedType(TimeseriesQuery.class, TimeseriesQuery.TYPE),
        new NamedType(TopNQuery.class, TopNQuery.TYPE),
        new NamedType(GroupByQuery.class, GroupByQuery.TYPE),
        new NamedType(ScanQuery.class, ScanQuery.TYPE),
        new NamedType(TimeBoundaryQuery.class, TimeBoundaryQuery.TYPE),
        new NamedType(SegmentMetadataQuery.class, SegmentMetadataQuery.TYPE),
        new NamedType(DataSourceMetadataQuery.class, DataSourceMetadataQuery.TYPE));
    registerSubtypes(
        new NamedType(GreaterThanHavingSpec.class, "greaterThan"),
        new NamedType(LessThanHavingSpec.class, "lessThan"),
        new NamedType(EqualToHavingSpec.class, "equalTo"),
        new NamedType(DimSelectorHavingSpec.class, "dimSelector"),
        new NamedType(FilterHavingSpec.class, "filter"),
        new NamedType(AndHavingSpec.class, "and"),
        new NamedType(OrHavingSpec.class, "or"),
        new NamedType(NotHavingSpec.class, "not"),
        new NamedType(AlwaysHavingSpec.class, "always"),
        new NamedType(NeverHavingSpec.class, "never"));
    registerSubtypes(
        new NamedType(ContainsSearchQuerySpec.class, "contains"),
        new NamedType(InsensitiveContainsSearchQuerySpec.class, "insensitive_contains"),
        new NamedType(FragmentSearchQuerySpec.class, "fragment"),
        new NamedType(RegexSearchQuerySpec.class, "regex"),
        new NamedType(AllSearchQuerySpec.class, "all"));
    registerSubtypes(
        new NamedType(DefaultDimensionSpec.class, "default"),
        new NamedType(ExtractionDimensionSpec.class, "extraction"),
        new NamedType(LookupDimensionSpec.class, "lookup"),
        new NamedType(ListFilteredDimensionSpec.class, "listFiltered"),
        new NamedType(RegexFilteredDimensionSpec.class, "regexFiltered"),
        new NamedType(PrefixFilteredDimensionSpec.class, "prefixFiltered"));
    registerSubtypes(
        new NamedType(SubstringExtractionFn.class, "substring"),
        new NamedType(StrlenExtractionFn.class, "strlen"),
        new NamedType(UpperExtractionFn.class, "upper"),
        new NamedType(LowerExtractionFn.class, "lower"),
        new NamedType(RegexExtractionFn.class, "regex"),
        new NamedType(PartialExtractionFn.class, "partial"),
        new NamedType(TimeFormatExtractionFn.class, "timeFormat"),
        new NamedType(LookupExtractionFn.class, "lookup"),
        new NamedType(CascadeExtractionFn.class, "cascade"),
        new NamedType(StringFormatExtractionFn.class, "stringFormat"),
        new NamedType(BucketExtractionFn.class, "bucket"),
        new NamedType(SearchQuerySpecExtractionFn.class, "searchQuery"),
        new NamedType(TimeParseExtractionFn.class, "time"));
    registerSubtypes(
        new NamedType(SelectorDimFilter.class, "selector"),
        new NamedType(InDimFilter.class, "in"),
        new NamedType(AndDimFilter.class, "and"),
        new NamedType(OrDimFilter.class, "or"),
        new NamedType(NotDimFilter.class, "not"),
        new NamedType(EqualityDimFilter.class, "equals"),
        new NamedType(NullDimFilter.class, "null"),
        new NamedType(RangeDimFilter.class, "range"),
        new NamedType(BoundDimFilter.class, "bound"),
        new NamedType(LikeDimFilter.class, "like"),
        new NamedType(RegexDimFilter.class, "regex"),
        new NamedType(SearchQueryDimFilter.class, "search"),
        new NamedType(IntervalDimFilter.class, "interval"),
        new NamedType(ColumnComparisonDimFilter.class, "columnComparison"),
        new NamedType(TrueDimFilter.class, "true"),
        new NamedType(FalseDimFilter.class, "false"),
        new NamedType(ExtractionDimFilter.class, "extraction"),
        new NamedType(ExpressionDimFilter.class, "expression"),
        new NamedType(TypedInDimFilter.class, TypedInDimFilter.TYPE),
        new NamedType(ArrayContainsElementDimFilter.class, ArrayContainsElementDimFilter.TYPE));
    registerSubtypes(
        new NamedType(ArithmeticPostAggregator.class, "arithmetic"),
        new NamedType(FieldAccessPostAggregator.class, "fieldAccess"),
        new NamedType(FinalizingFieldAccessPostAggregator.class, "finalizingFieldAccess"),
        new NamedType(ConstantPostAggregator.class, "constant"),
        new NamedType(DoubleGreatestPostAggregator.class, "doubleGreatest"),
        new NamedType(LongGreatestPostAggregator.class, "longGreatest"),
        new NamedType(DoubleLeastPostAggregator.class, "doubleLeast"),
        new NamedType(LongLeastPostAggregator.class, "longLeast"),
        new NamedType(ExpressionPostAggregator.class, "expression"));
    registerSubtypes(new NamedType(ExpressionVirtualColumn.class, "expression"));
    registerSubtypes(
        new NamedType(HyperUniqueCardinalityPostAggregator.class, HyperUniqueCardinalityPostAggregator.TYPE));
    registerSubtypes(new NamedType(FilteredAggregatorFactory.class, "filtered"),
        new NamedType(CardinalityAggregatorFactory.class, CardinalityAggregatorFactory.TYPE_NAME),
        new NamedType(GroupingAggregatorFactory.class, GroupingAggregatorFactory.TYPE));
  }
}
