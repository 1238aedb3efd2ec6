package io.kafkaindexing.query.virtual;

import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.DimensionSelector;
import io.kafkaindexing.segment.read.ColumnNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query's {@code virtualColumns}, by output name. {@link #wrap} makes a selector factory in which
 * virtual columns shadow stored columns of the same name and may read one another (not in a cycle).
 * Immutable and thread-safe.
 */
public final class VirtualColumns {
  public static final VirtualColumns EMPTY = new VirtualColumns(List.of());

  private final Map<String, VirtualColumn> byName = new LinkedHashMap<>();

  private VirtualColumns(List<VirtualColumn> columns) {
    for (VirtualColumn c : columns) {
      if (c == null) {
        throw DruidException.invalidInput("Field[virtualColumns] has a null entry");
      }
      if (ColumnNames.TIME.equals(c.getOutputName())) {
        throw DruidException.invalidInput("Virtual column name[%s] is reserved", c.getOutputName());
      }
      if (byName.put(c.getOutputName(), c) != null) {
        throw DruidException.invalidInput("Duplicate virtual column name[%s]", c.getOutputName());
      }
    }
  }

  public static VirtualColumns of(List<VirtualColumn> columns) {
    return columns == null || columns.isEmpty() ? EMPTY : new VirtualColumns(columns);
  }

  public List<VirtualColumn> list() {
    return new ArrayList<>(byName.values());
  }

  public boolean isEmpty() {
    return byName.isEmpty();
  }

  public boolean exists(String name) {
    return byName.containsKey(name);
  }

  public VirtualColumn get(String name) {
    return byName.get(name);
  }

  /** Capabilities of {@code column}, virtual or stored (from {@code stored}). */
  public ColumnCapabilities capabilities(String column, java.util.function.Function<String, ColumnCapabilities> stored) {
    return capabilities(column, stored, 0);
  }

  private ColumnCapabilities capabilities(String column, java.util.function.Function<String, ColumnCapabilities> stored,
      int depth) {
    VirtualColumn vc = byName.get(column);
    if (vc == null) {
      return stored.apply(column);
    }
    if (depth > byName.size()) {
      throw DruidException.invalidInput("Virtual column[%s] refers to itself through other virtual columns", column);
    }
    return vc.capabilities(c -> capabilities(c, stored, depth + 1));
  }

  /** {@code base} with the virtual columns added; {@code base} if there are none. */
  public ColumnSelectorFactory wrap(ColumnSelectorFactory base) {
    return isEmpty() ? base : new Wrapped(base, 0);
  }

  /** A selector factory seeing the virtual columns over {@code base}. */
  private final class Wrapped implements ColumnSelectorFactory {
    private final ColumnSelectorFactory base;
    private final int depth;

    Wrapped(ColumnSelectorFactory base, int depth) {
      this.base = base;
      this.depth = depth;
    }

    private ColumnSelectorFactory inner() {
      if (depth > byName.size()) {
        throw DruidException.invalidInput("Virtual columns refer to each other in a cycle: %s", byName.keySet());
      }
      return new Wrapped(base, depth + 1);
    }

    @Override
    public ColumnValueSelector makeColumnValueSelector(String column) {
      VirtualColumn vc = byName.get(column);
      return vc == null ? base.makeColumnValueSelector(column) : vc.makeSelector(inner());
    }

    @Override
    public DimensionSelector makeDimensionSelector(String column) {
      VirtualColumn vc = byName.get(column);
      return vc == null ? base.makeDimensionSelector(column) : vc.makeDimensionSelector(inner());
    }

    @Override
    public ColumnCapabilities getColumnCapabilities(String column) {
      return capabilities(column, base::getColumnCapabilities);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VirtualColumns that && byName.equals(that.byName);
  }

  @Override
  public int hashCode() {
    return byName.hashCode();
  }

  @Override
  public String toString() {
    return byName.values().toString();
  }
}
