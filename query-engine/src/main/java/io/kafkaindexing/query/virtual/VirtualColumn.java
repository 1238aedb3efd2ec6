package io.kafkaindexing.query.virtual;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.DimensionSelector;
import io.kafkaindexing.segment.column.ObjectDimensionSelector;
import java.util.List;
import java.util.function.Function;

/**
 * A column computed at query time from other columns of the row, e.g.
 * {@code {"type": "expression", "name", "expression", "outputType"}}. Queries reference it by its
 * output name like a stored column. Types are registered by name in the query Jackson module.
 * Implementations are immutable and thread-safe; the selectors they make are not.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface VirtualColumn {
  /** The name queries use. */
  String getOutputName();

  /** The columns it reads. */
  List<String> requiredColumns();

  /** A selector of the value for the current row of {@code columns}. */
  ColumnValueSelector makeSelector(ColumnSelectorFactory columns);

  /** A string view of the value; by default the value as {@code String.valueOf}. */
  default DimensionSelector makeDimensionSelector(ColumnSelectorFactory columns) {
    return new ObjectDimensionSelector(makeSelector(columns));
  }

  /** What the column is, given the capabilities of the columns it may read. */
  ColumnCapabilities capabilities(Function<String, ColumnCapabilities> columns);
}
