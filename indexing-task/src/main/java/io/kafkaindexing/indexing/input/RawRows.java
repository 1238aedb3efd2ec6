package io.kafkaindexing.indexing.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows one record holds, in order. {@link #isAllOrNothing()} says how a bad row affects the
 * others, as in Druid: for the {@code json} format a record is one unit (any row that fails to parse
 * or has a bad timestamp makes the whole record one unparseable event), for line formats
 * ({@code csv}, {@code tsv}, {@code regex}) each line stands alone. Immutable.
 */
public final class RawRows {
  private final List<RawRow> rows;
  private final boolean allOrNothing;

  public RawRows(List<RawRow> rows, boolean allOrNothing) {
    this(allOrNothing, List.copyOf(rows));
  }

  /** Takes {@code rows} as they are: an unmodifiable list without nulls. */
  private RawRows(boolean allOrNothing, List<RawRow> rows) {
    this.rows = rows;
    this.allOrNothing = allOrNothing;
  }

  /** Rows that stand alone. */
  public static RawRows independent(List<RawRow> rows) {
    return new RawRows(rows, false);
  }

  /** Rows of fields, parsed as one unit. */
  public static RawRows allOrNothing(List<Map<String, Object>> rows) {
    if (rows.size() == 1) { // most records: one list, not a list and its copy
      return new RawRows(true, List.of(RawRow.of(rows.get(0))));
    }
    RawRow[] list = new RawRow[rows.size()];
    for (int i = 0; i < list.length; i++) {
      list[i] = RawRow.of(rows.get(i));
    }
    return new RawRows(true, List.of(list));
  }

  public List<RawRow> rows() {
    return rows;
  }

  public boolean isAllOrNothing() {
    return allOrNothing;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The field maps of the rows without errors, in order (for tests and the key of the kafka format). */
  public List<Map<String, Object>> fieldMaps() {
    List<Map<String, Object>> maps = new ArrayList<>();
    for (RawRow r : rows) {
      if (!r.isError()) {
        maps.add(r.fields());
      }
    }
    return maps;
  }

  @Override
  public String toString() {
    return (allOrNothing ? "RawRows(all-or-nothing)" : "RawRows") + rows;
  }
}
