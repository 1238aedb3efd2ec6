package io.kafkaindexing.segment.persisted;

import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.DimensionSelector;
import io.kafkaindexing.segment.column.NullColumnValueSelector;
import io.kafkaindexing.segment.column.ObjectDimensionSelector;
import io.kafkaindexing.segment.column.ValueType;
import io.kafkaindexing.segment.format.ComplexColumnPart;
import io.kafkaindexing.segment.format.CompressedNumericColumn;
import java.util.HashMap;
import java.util.Map;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Selectors over the row a {@link PersistedCursor} is on: numeric columns (null where the null
 * bitmap says so), string columns with their dictionary, complex columns as stored bytes, absent
 * columns as null. One selector per column, made on first request and handed to every later caller:
 * query engines ask again for each group key (topN, groupBy), and a new selector would decompress its
 * blocks again (a 64 KiB buffer each); all selectors read the cursor's current row, so sharing is
 * invisible to callers. Not thread-safe.
 */
final class PersistedSelectorFactory implements ColumnSelectorFactory {
  private final PersistedSegment segment;
  private final PersistedCursor cursor;
  private final Map<String, ColumnValueSelector> selectors = new HashMap<>();

  PersistedSelectorFactory(PersistedSegment segment, PersistedCursor cursor) {
    this.segment = segment;
    this.cursor = cursor;
  }

  @Override
  public ColumnValueSelector makeColumnValueSelector(String column) {
    ColumnValueSelector selector = selectors.get(column);
    if (selector == null) {
      selector = newSelector(column);
      selectors.put(column, selector);
    }
    return selector;
  }

  private ColumnValueSelector newSelector(String column) {
    PersistedColumn c = segment.columns().get(column);
    if (c instanceof PersistedColumn.Numeric n) {
      return new NumericSelector(cursor, n.values().reader(), n.type(), n.nulls().isEmpty() ? null : n.nulls());
    }
    if (c instanceof PersistedColumn.Strings s) {
      return new StringColumnSelector(cursor, s.part());
    }
    if (c instanceof PersistedColumn.Complex x) {
      return new ComplexSelector(cursor, x.part());
    }
    return NullColumnValueSelector.INSTANCE;
  }

  @Override
  public DimensionSelector makeDimensionSelector(String column) {
    ColumnValueSelector selector = makeColumnValueSelector(column);
    return selector instanceof DimensionSelector d ? d : new ObjectDimensionSelector(selector);
  }

  @Override
  public ColumnCapabilities getColumnCapabilities(String column) {
    PersistedColumn c = segment.columns().get(column);
    return c == null ? null : c.capabilities();
  }

  /** A long, float or double column. */
  private record NumericSelector(PersistedCursor cursor, CompressedNumericColumn.Reader values, ValueType type,
      ImmutableRoaringBitmap nulls) implements ColumnValueSelector {
    @Override
    public long getLong() {
      return isNull() ? 0L : values.getLong(cursor.row());
    }

    @Override
    public double getDouble() {
      return isNull() ? 0d : values.getDouble(cursor.row());
    }

    @Override
    public float getFloat() {
      return isNull() ? 0f : values.getFloat(cursor.row());
    }

    @Override
    public boolean isNull() {
      return nulls != null && nulls.contains(cursor.row());
    }

    @Override
    public Object getObject() {
      if (isNull()) {
        return null;
      }
      int row = cursor.row();
      return switch (type) {
        case LONG -> values.getLong(row);
        case FLOAT -> values.getFloat(row);
        default -> values.getDouble(row);
      };
    }
  }

  /** A complex column: the stored bytes of the row. */
  private record ComplexSelector(PersistedCursor cursor, ComplexColumnPart part) implements ColumnValueSelector {
    @Override
    public long getLong() {
      return 0L;
    }

    @Override
    public double getDouble() {
      return 0d;
    }

    @Override
    public boolean isNull() {
      return true;
    }

    @Override
    public Object getObject() {
      return part.get(cursor.row());
    }
  }
}
