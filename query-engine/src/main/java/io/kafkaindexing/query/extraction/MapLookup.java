package io.kafkaindexing.query.extraction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An inline lookup, {@code {"type": "map", "map": {...}, "isOneToOne"}}: the only lookup type
 * supported (registered lookups need a lookup service). Immutable.
 */
public final class MapLookup {
  private final Map<String, String> map;
  private final boolean oneToOne;

  @JsonCreator
  public MapLookup(@JsonProperty("type") String type, @JsonProperty("map") Map<String, String> map,
      @JsonProperty("isOneToOne") Boolean oneToOne) {
    if (type != null && !type.equals("map")) {
      throw DruidException.invalidInput("Lookup of type[%s] is not supported: give an inline {\"type\": \"map\"}", type);
    }
    if (map == null) {
      throw DruidException.invalidInput("Lookup of type[map] needs a field[map]");
    }
    this.map = new LinkedHashMap<>(map);
    this.oneToOne = Boolean.TRUE.equals(oneToOne);
  }

  @JsonProperty
  public String getType() {
    return "map";
  }

  @JsonProperty
  public Map<String, String> getMap() {
    return map;
  }

  @JsonProperty("isOneToOne")
  public boolean isOneToOne() {
    return oneToOne;
  }

  /** The mapped value of {@code key}, or null when none. */
  String lookup(String key) {
    return key == null ? null : map.get(key);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MapLookup that && map.equals(that.map) && oneToOne == that.oneToOne;
  }

  @Override
  public int hashCode() {
    return Objects.hash(map, oneToOne);
  }
}
