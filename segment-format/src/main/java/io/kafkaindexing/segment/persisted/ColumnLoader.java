package io.kafkaindexing.segment.persisted;

import io.kafkaindexing.segment.column.ValueType;
import io.kafkaindexing.segment.format.ByteCursor;
import io.kafkaindexing.segment.format.ColumnDescriptor;
import io.kafkaindexing.segment.format.ComplexColumnPart;
import io.kafkaindexing.segment.format.CompressedNumericColumn;
import io.kafkaindexing.segment.format.CorruptSegmentException;
import io.kafkaindexing.segment.format.DictionaryEncodedColumnPart;
import io.kafkaindexing.segment.format.NumericColumnPart;
import io.kafkaindexing.segment.format.SmooshedFiles;
import java.util.Locale;

/** Turns a column entry of a smoosh container into a {@link PersistedColumn}. Stateless. */
final class ColumnLoader {
  private ColumnLoader() {}

  static PersistedColumn load(SmooshedFiles files, String name) {
    ByteCursor in = files.entry(name);
    long at = in.fileOffset();
    ColumnDescriptor descriptor = ColumnDescriptor.read(in);
    if (descriptor.parts().size() != 1) {
      throw new CorruptSegmentException(in.file(), at, "column[" + name + "] has " + descriptor.parts().size()
          + " parts; expected one");
    }
    String type = descriptor.partType(0);
    long partAt = in.fileOffset();
    PersistedColumn column;
    CompressedNumericColumn.Kind kind = NumericColumnPart.kindOf(type);
    if (kind != null) {
      NumericColumnPart part = NumericColumnPart.read(in, type);
      column = new PersistedColumn.Numeric(ValueType.valueOf(kind.name()), part.values(), part.nulls());
    } else if (type.equals("stringDictionary")) {
      column = new PersistedColumn.Strings(DictionaryEncodedColumnPart.read(in, files::entry));
    } else if (type.equals("complex")) {
      column = new PersistedColumn.Complex(ComplexColumnPart.read(in,
          descriptor.parts().get(0).path("typeName").asText(), files::entry));
    } else if (type.equals("null")) {
      int rows = descriptor.parts().get(0).path("numRows").asInt(-1);
      if (rows < 0) {
        throw new CorruptSegmentException(in.file(), at, "null column[" + name + "] has no numRows");
      }
      ValueType valueType = ValueType.fromString(descriptor.valueType().toLowerCase(Locale.ROOT));
      column = new PersistedColumn.AllNull(valueType, rows);
    } else {
      throw new CorruptSegmentException(in.file(), at, "column[" + name + "] has unsupported part type[" + type + "]");
    }
    if (in.hasRemaining() && !type.equals("stringDictionary")) {
      throw new CorruptSegmentException(in.file(), in.fileOffset(), "column[" + name + "] has " + in.remaining()
          + " unexpected bytes after its data (which started at " + partAt + ")");
    }
    return column;
  }
}
