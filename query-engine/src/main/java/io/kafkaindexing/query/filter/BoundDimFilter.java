package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.extraction.ExtractionFn;
import io.kafkaindexing.query.ordering.StringComparator;
import io.kafkaindexing.query.ordering.StringComparators;
import java.util.Map;
import java.util.Objects;

/**
 * {@code {"type": "bound", "dimension", "lower", "upper", "lowerStrict", "upperStrict", "ordering",
 * "extractionFn"}} (and the deprecated {@code alphaNumeric}): rows whose value lies between the
 * bounds in the given ordering ({@code lexicographic} by default). As in Druid, a null string value
 * matches when there is no lower bound (and otherwise does not, which {@code not} then keeps),
 * while a null of a numeric column is unknown. With {@code numeric} ordering numeric columns
 * compare numerically; a lower bound that is not a number is no bound, an upper one matches
 * nothing. Immutable.
 */
public final class BoundDimFilter extends DimensionPredicateFilter {
  private final String lower;
  private final String upper;
  private final boolean lowerStrict;
  private final boolean upperStrict;
  private final StringComparator ordering;
  private final BoundPredicate predicate;

  @JsonCreator
  public BoundDimFilter(@JsonProperty("dimension") String dimension, @JsonProperty("lower") String lower,
      @JsonProperty("upper") String upper, @JsonProperty("lowerStrict") Boolean lowerStrict,
      @JsonProperty("upperStrict") Boolean upperStrict, @JsonProperty("alphaNumeric") Boolean alphaNumeric,
      @JsonProperty("ordering") JsonNode ordering, @JsonProperty("extractionFn") ExtractionFn extractionFn) {
    super("bound", dimension, extractionFn);
    if (lower == null && upper == null) {
      throw DruidException.invalidInput("Filter of type[bound] on dimension[%s] needs field[lower] or field[upper]",
          dimension);
    }
    this.lower = lower;
    this.upper = upper;
    this.lowerStrict = Boolean.TRUE.equals(lowerStrict);
    this.upperStrict = Boolean.TRUE.equals(upperStrict);
    this.ordering = ordering(ordering, alphaNumeric);
    this.predicate = new BoundPredicate(lower, this.lowerStrict, upper, this.upperStrict, this.ordering);
  }

  /** {@code lower <= dimension < upperExclusive} in numeric order, as the {@code interval} filter builds them. */
  static BoundDimFilter halfOpenNumeric(String dimension, long lower, long upperExclusive, ExtractionFn extractionFn) {
    return new BoundDimFilter(dimension, String.valueOf(lower), String.valueOf(upperExclusive), false, true, null,
        TextNode.valueOf(StringComparators.NUMERIC.name()), extractionFn);
  }

  private static StringComparator ordering(JsonNode node, Boolean alphaNumeric) {
    if (node == null || node.isNull()) {
      return Boolean.TRUE.equals(alphaNumeric) ? StringComparators.ALPHANUMERIC : StringComparators.LEXICOGRAPHIC;
    }
    JsonNode name = node.isObject() ? node.get("type") : node;
    if (name == null || !name.isTextual()) {
      throw DruidException.invalidInput("Filter of type[bound] has an invalid field[ordering]: expected a name such as "
          + "\"numeric\" or {\"type\": \"numeric\"}, got[%s]", node);
    }
    StringComparator order;
    try {
      order = StringComparators.fromName(name.asText());
    } catch (IllegalArgumentException e) {
      throw DruidException.invalidInput("Filter of type[bound] has an invalid field[ordering]: %s", e.getMessage());
    }
    if (alphaNumeric != null && alphaNumeric != (order == StringComparators.ALPHANUMERIC)) {
      throw DruidException.invalidInput("Filter of type[bound]: field[alphaNumeric] contradicts field[ordering][%s]",
          order.name());
    }
    return order;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String getLower() {
    return lower;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String getUpper() {
    return upper;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public boolean isLowerStrict() {
    return lowerStrict;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public boolean isUpperStrict() {
    return upperStrict;
  }

  @JsonProperty("ordering")
  public Map<String, String> getOrderingJson() {
    return Map.of("type", ordering.name());
  }

  public StringComparator ordering() {
    return ordering;
  }

  @Override
  protected ValuePredicate predicate() {
    return predicate;
  }

  @Override
  protected LexicographicRange lexicographicRange() {
    return ordering == StringComparators.LEXICOGRAPHIC ? new LexicographicRange(lower, lowerStrict, upper, upperStrict)
        : null;
  }

  @Override
  protected Tri numericNull(ValuePredicate p) {
    return Tri.UNKNOWN;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BoundDimFilter that && column().equals(that.column()) && Objects.equals(lower, that.lower)
        && Objects.equals(upper, that.upper) && lowerStrict == that.lowerStrict && upperStrict == that.upperStrict
        && ordering == that.ordering && Objects.equals(extractionFn(), that.extractionFn());
  }

  @Override
  public int hashCode() {
    return Objects.hash(column(), lower, upper, lowerStrict, upperStrict, ordering.name(), extractionFn());
  }

  @Override
  public String toString() {
    return (lower == null ? "" : lower + (lowerStrict ? " < " : " <= ")) + column() + " as " + ordering.name()
        + (upper == null ? "" : (upperStrict ? " < " : " <= ") + upper);
  }
}
