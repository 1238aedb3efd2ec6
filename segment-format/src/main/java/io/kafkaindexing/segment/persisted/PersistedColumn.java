package io.kafkaindexing.segment.persisted;

import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ValueType;
import io.kafkaindexing.segment.format.ComplexColumnPart;
import io.kafkaindexing.segment.format.CompressedNumericColumn;
import io.kafkaindexing.segment.format.DictionaryEncodedColumnPart;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/** One loaded column of a {@link PersistedSegment}: the parsed structures over the mapped file. Immutable. */
sealed interface PersistedColumn {
  ColumnCapabilities capabilities();

  int numRows();

  /** A long, float or double column; {@code nulls} are the null rows. */
  record Numeric(ValueType type, CompressedNumericColumn values, ImmutableRoaringBitmap nulls)
      implements PersistedColumn {
    @Override
    public ColumnCapabilities capabilities() {
      return ColumnCapabilities.simple(type);
    }

    @Override
    public int numRows() {
      return values.size();
    }
  }

  /** A dictionary-encoded string column. */
  record Strings(DictionaryEncodedColumnPart part) implements PersistedColumn {
    @Override
    public ColumnCapabilities capabilities() {
      return new ColumnCapabilities(ValueType.STRING, true, part.hasBitmaps(), part.hasMultipleValues());
    }

    @Override
    public int numRows() {
      return part.numRows();
    }
  }

  /** A complex column (e.g. hyperUnique) read as each row's stored bytes. */
  record Complex(ComplexColumnPart part) implements PersistedColumn {
    @Override
    public ColumnCapabilities capabilities() {
      return ColumnCapabilities.simple(ValueType.COMPLEX);
    }

    @Override
    public int numRows() {
      return part.numRows();
    }
  }

  /** A column stored as "only nulls" (Druid's {@code null} part serde). */
  record AllNull(ValueType type, int numRows) implements PersistedColumn {
    @Override
    public ColumnCapabilities capabilities() {
      return type == ValueType.STRING ? new ColumnCapabilities(ValueType.STRING, true, true, false)
          : ColumnCapabilities.simple(type);
    }
  }
}
