package io.kafkaindexing.query.search;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.ordering.StringComparator;
import io.kafkaindexing.query.ordering.StringComparators;
import java.util.Comparator;
import java.util.Map;

/**
 * A search query's {@code sort}: {@code {"type": "lexicographic" | "alphanumeric" | "numeric" |
 * "strlen" | "version"}} (a bare name is accepted too). Hits are ordered by value with that
 * ordering, then by dimension name. Immutable.
 */
public final class SearchSortSpec {
  public static final SearchSortSpec DEFAULT = new SearchSortSpec(StringComparators.LEXICOGRAPHIC);

  private final StringComparator ordering;
  private final Comparator<SearchHit> hitOrder;

  public SearchSortSpec(StringComparator ordering) {
    this.ordering = ordering;
    Comparator<SearchHit> byValue = Comparator.comparing(SearchHit::value, ordering);
    this.hitOrder = byValue.thenComparing(SearchHit::dimension);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static SearchSortSpec fromJson(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    JsonNode type = node.isObject() ? node.get("type") : node;
    if (type == null || !type.isTextual()) {
      throw DruidException.invalidInput("Field[sort] must be an object such as {\"type\": \"lexicographic\"}");
    }
    try {
      return new SearchSortSpec(StringComparators.fromName(type.asText()));
    } catch (IllegalArgumentException e) {
      throw DruidException.invalidInput("Invalid field[sort.type]: %s", e.getMessage());
    }
  }

  public StringComparator getOrdering() {
    return ordering;
  }

  /** Value order, then dimension name. */
  public Comparator<SearchHit> hitComparator() {
    return hitOrder;
  }

  @JsonValue
  Map<String, String> toJson() {
    return Map.of("type", ordering.name());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SearchSortSpec that && ordering == that.ordering;
  }

  @Override
  public int hashCode() {
    return ordering.name().hashCode();
  }

  @Override
  public String toString() {
    return ordering.name();
  }
}
