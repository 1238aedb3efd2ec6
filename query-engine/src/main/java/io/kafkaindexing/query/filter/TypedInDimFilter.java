package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.segment.column.ValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Druid's typed in filter, {@code {"type": "inType", "column", "matchValueType", "values" or
 * "sortedValues"}}: rows whose column equals one of the values, each compared as {@code equals}
 * compares its {@code matchValue} (cast to {@code matchValueType}; numeric columns numerically). A
 * null among the values matches null rows; otherwise a null row is unknown. Exactly one of
 * {@code values} and {@code sortedValues} must be given; the filter is written back with
 * {@code sortedValues}: cast, de-duplicated and sorted in the type's order, null first. Immutable.
 */
public final class TypedInDimFilter extends PredicateFilter {
  public static final String TYPE = "inType";

  private final ValueType matchValueType;
  private final List<Object> sortedValues;
  private final ValuePredicate predicate;

  @JsonCreator
  public TypedInDimFilter(@JsonProperty("column") String column, @JsonProperty("matchValueType") String matchValueType,
      @JsonProperty("values") List<Object> values, @JsonProperty("sortedValues") List<Object> sortedValues) {
    super(TYPE, "column", column, null);
    this.matchValueType = MatchValues.type(TYPE, column, matchValueType);
    if ((values == null) == (sortedValues == null)) {
      throw DruidException.invalidInput("Filter of type[inType] on column[%s] needs exactly one of the fields[values] "
          + "and [sortedValues]", column);
    }
    this.sortedValues = sort(this.matchValueType, values != null ? values : sortedValues);
    this.predicate = predicate(this.sortedValues);
  }

  private static List<Object> sort(ValueType type, List<Object> raw) {
    Comparator<Object> order = type == ValueType.STRING ? Comparator.comparing(String.class::cast)
        : Comparator.comparing(v -> MatchValues.number(v));
    TreeSet<Object> set = new TreeSet<>(order);
    boolean hasNull = false;
    for (Object v : raw) {
      Object cast = MatchValues.cast(type, v, TYPE, "values");
      if (cast == null && v != null) {
        throw DruidException.invalidInput("Filter of type[inType] has a value[%s] in field[values] that is not of "
            + "type[%s]", v, type.name());
      }
      if (cast == null) {
        hasNull = true;
      } else {
        set.add(cast);
      }
    }
    List<Object> sorted = new ArrayList<>();
    if (hasNull) {
      sorted.add(null);
    }
    sorted.addAll(set);
    return sorted;
  }

  private static ValuePredicate predicate(List<Object> sorted) {
    boolean matchesNull = !sorted.isEmpty() && sorted.get(0) == null;
    List<EqualityPredicate> each = new ArrayList<>();
    for (Object v : sorted) {
      if (v != null) {
        each.add(new EqualityPredicate(MatchValues.text(v), MatchValues.number(v)));
      }
    }
    return new ValuePredicate() {
      @Override
      public Tri applyString(String value) {
        if (value == null) {
          return matchesNull ? Tri.TRUE : Tri.UNKNOWN;
        }
        return Tri.of(each.stream().anyMatch(p -> p.applyString(value) == Tri.TRUE));
      }

      @Override
      public Tri applyNumber(Number value, ValueType type) {
        return Tri.of(each.stream().anyMatch(p -> p.applyNumber(value, type) == Tri.TRUE));
      }
    };
  }

  @JsonProperty
  public String getColumn() {
    return column();
  }

  @JsonProperty
  public String getMatchValueType() {
    return matchValueType.name().toUpperCase(Locale.ROOT);
  }

  @JsonProperty
  public List<Object> getSortedValues() {
    return sortedValues;
  }

  @Override
  protected ValuePredicate predicate() {
    return predicate;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TypedInDimFilter that && column().equals(that.column())
        && matchValueType == that.matchValueType && sortedValues.equals(that.sortedValues);
  }

  @Override
  public int hashCode() {
    return Objects.hash(column(), matchValueType, sortedValues);
  }

  @Override
  public String toString() {
    return column() + " IN " + sortedValues + " (" + matchValueType.name() + ")";
  }
}
