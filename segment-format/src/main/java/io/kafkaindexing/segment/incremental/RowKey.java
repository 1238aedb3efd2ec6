package io.kafkaindexing.segment.incremental;

import java.util.Arrays;
import java.util.Objects;

/**
 * The rollup identity of a row: truncated time plus encoded dimension values. Missing trailing
 * dimensions equal null ones, so rows from before and after a dimension was discovered still roll
 * up together. Immutable once built.
 */
final class RowKey {
  private final long time;
  private final Object[] dims;
  private final int hash;

  RowKey(long time, Object[] dims) {
    this.time = time;
    int length = dims.length;
    while (length > 0 && dims[length - 1] == null) {
      length--;
    }
    this.dims = length == dims.length ? dims : Arrays.copyOf(dims, length);
    int h = Long.hashCode(time);
    for (Object d : this.dims) {
      h = 31 * h + (d instanceof int[] ids ? Arrays.hashCode(ids) : Objects.hashCode(d));
    }
    this.hash = h;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RowKey that) || time != that.time || hash != that.hash || dims.length != that.dims.length) {
      return false;
    }
    for (int i = 0; i < dims.length; i++) {
      Object a = dims[i];
      Object b = that.dims[i];
      boolean same = a instanceof int[] x && b instanceof int[] y ? Arrays.equals(x, y) : Objects.equals(a, b);
      if (!same) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
