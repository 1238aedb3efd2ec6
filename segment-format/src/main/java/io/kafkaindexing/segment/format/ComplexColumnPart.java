package io.kafkaindexing.segment.format;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;

/**
 * The data of Druid's {@code complex} part serde (e.g. {@code typeName} {@code hyperUnique}): a
 * {@link GenericIndexed} (not sorted) holding each row's serialized object, null for a null row.
 * The object bytes are the type's own serialization and are exposed as they are. Immutable.
 */
public final class ComplexColumnPart {
  private final String typeName;
  private final GenericIndexed values;

  private ComplexColumnPart(String typeName, GenericIndexed values) {
    this.typeName = typeName;
    this.values = values;
  }

  public static ComplexColumnPart read(ByteCursor in, String typeName, Function<String, ByteCursor> entries) {
    return new ComplexColumnPart(typeName, GenericIndexed.read(in, entries));
  }

  public String typeName() {
    return typeName;
  }

  public int numRows() {
    return values.size();
  }

  /** The stored bytes of row {@code row}, or null. */
  public byte[] get(int row) {
    ByteBuffer b = values.get(row);
    if (b == null) {
      return null;
    }
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  public static byte[] write(List<byte[]> rows) {
    return GenericIndexed.write(rows, false);
  }
}
