package io.kafkaindexing.query.filter;

import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.extraction.ExtractionFn;
import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.DimensionSelector;
import io.kafkaindexing.segment.column.IndexedInts;
import io.kafkaindexing.segment.read.DictionaryEncodedValueIndex;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * Base of the filters decided value by value on one column ({@code selector}, {@code in},
 * {@code bound}, {@code like}...): a row matches when any of its values does; it is unknown when
 * none matches and some value is unknown (typically a null). An optional {@code extractionFn}
 * maps each value first. String columns with a value index are answered from the dictionary and
 * bitmaps; numeric and virtual columns row by row. Immutable.
 */
public abstract class PredicateFilter implements DimFilter {
  private final String column;
  private final ExtractionFn extractionFn;

  protected PredicateFilter(String type, String field, String column, ExtractionFn extractionFn) {
    if (column == null || column.isEmpty()) {
      throw DruidException.invalidInput("Filter of type[%s] needs a field[%s]", type, field);
    }
    this.column = column;
    this.extractionFn = extractionFn;
  }

  protected String column() {
    return column;
  }

  protected ExtractionFn extractionFn() {
    return extractionFn;
  }

  /** The predicate values are tested with; called once per evaluation, so it may be prepared. */
  protected abstract ValuePredicate predicate();

  private Tri applyString(ValuePredicate p, String value) {
    return p.applyString(extractionFn == null ? value : extractionFn.apply(value));
  }

  /**
   * The truth for a null value of a numeric column. By default the predicate's answer for a null
   * string (after the extraction function); filters whose numeric predicates treat null as unknown
   * whatever their string form says (Druid's {@code bound}) override this.
   */
  protected Tri numericNull(ValuePredicate p) {
    return applyString(p, null);
  }

  /**
   * The lexicographic run of values this filter selects when it is one (besides its answer for
   * null), letting sorted dictionaries answer by binary search; null otherwise (the default).
   * Only used without an extraction function.
   */
  protected LexicographicRange lexicographicRange() {
    return null;
  }

  @Override
  public ImmutableRoaringBitmap bitmap(ColumnIndexes indexes, boolean includeUnknown) {
    ValuePredicate p = predicate();
    if (indexes.isMissing(column)) {
      return applyString(p, null).matches(includeUnknown) ? indexes.allRows() : new MutableRoaringBitmap();
    }
    DictionaryEncodedValueIndex index = indexes.valueIndex(column);
    if (index == null) {
      return null;
    }
    LexicographicRange range = extractionFn == null && index.isSorted() ? lexicographicRange() : null;
    if (range != null) {
      MutableRoaringBitmap rows = range.rows(index);
      int nullId = index.getId(null);
      if (nullId >= 0 && applyString(p, null).matches(includeUnknown)) {
        rows.or(index.getBitmap(nullId));
      }
      return rows;
    }
    MutableRoaringBitmap rows = new MutableRoaringBitmap();
    for (int id = 0; id < index.getCardinality(); id++) {
      if (applyString(p, index.getValue(id)).matches(includeUnknown)) {
        rows.or(index.getBitmap(id));
      }
    }
    return rows;
  }

  @Override
  public ValueMatcher makeMatcher(ColumnSelectorFactory columns) {
    ValuePredicate p = predicate();
    ColumnCapabilities caps = columns.getColumnCapabilities(column);
    if (caps != null && caps.type().isNumeric()) {
      ColumnValueSelector selector = columns.makeColumnValueSelector(column);
      if (extractionFn != null) {
        return includeUnknown -> (selector.isNull() ? numericNull(p)
            : p.applyString(extractionFn.apply(selector.getObject()))).matches(includeUnknown);
      }
      return includeUnknown -> (selector.isNull() ? numericNull(p) : p.applyNumber(number(selector, caps), caps.type()))
          .matches(includeUnknown);
    }
    DimensionSelector selector = columns.makeDimensionSelector(column);
    return includeUnknown -> {
      IndexedInts row = selector.getRow();
      Tri result = Tri.FALSE;
      for (int i = 0; i < row.size() && result != Tri.TRUE; i++) {
        result = result.or(applyString(p, selector.lookupName(row.get(i))));
      }
      return result.matches(includeUnknown);
    };
  }

  private static Number number(ColumnValueSelector selector, ColumnCapabilities caps) {
    return switch (caps.type()) {
      case LONG -> selector.getLong();
      case FLOAT -> selector.getFloat();
      default -> selector.getDouble();
    };
  }
}
