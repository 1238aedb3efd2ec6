package io.kafkaindexing.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.kafkaindexing.core.error.DruidException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A query's {@code dataSource}: a table name given as a string or as
 * {@code {"type": "table", "name": ...}}, or a {@code {"type": "union", "dataSources": [...]}} of
 * tables (names or table objects), which is read as one table holding the rows of all of them, or
 * an {@code inline} data source holding its rows (see {@link InlineData}), or a {@code query} data
 * source whose inner query's results are read as a table (a subquery). Other data source types
 * (lookup, join, unnest) are refused with a message naming the type. Written in Druid's object
 * form. Immutable.
 */
@JsonDeserialize(using = DataSourceDeserializer.class)
public final class DataSource {
  private final boolean union;
  private final List<String> tableNames;
  private final InlineData inline;
  private final Query subquery;

  private DataSource(boolean union, List<String> tableNames, InlineData inline) {
    this(union, tableNames, inline, null);
  }

  private DataSource(boolean union, List<String> tableNames, InlineData inline, Query subquery) {
    this.union = union;
    this.tableNames = List.copyOf(tableNames);
    this.inline = inline;
    this.subquery = subquery;
  }

  /** A {@code query} data source: the results of {@code subquery} read as a table. */
  public static DataSource query(Query subquery) {
    return new DataSource(false, List.of(), null, subquery);
  }

  /** The inner query of a {@code query} data source, or null. */
  public Query getSubquery() {
    return subquery;
  }

  public static DataSource table(String name) {
    if (name == null || name.isEmpty()) {
      throw DruidException.invalidInput("Field[dataSource] must name a table");
    }
    return new DataSource(false, List.of(name), null);
  }

  /** A union of the tables {@code names} (at least one; duplicates are read once). */
  public static DataSource union(List<String> names) {
    if (names == null || names.isEmpty()) {
      throw DruidException.invalidInput("Field[dataSource.dataSources] of a union must list at least one table");
    }
    return new DataSource(true, new ArrayList<>(new LinkedHashSet<>(names)), null);
  }

  /** Reads every form but {@code query} (see {@link DataSourceDeserializer}). */
  static DataSource fromJson(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return table(node.asText());
    }
    if (!node.isObject()) {
      throw DruidException.invalidInput("Field[dataSource] must be a table name or an object, got[%s]", node);
    }
    String type = node.hasNonNull("type") ? node.get("type").asText() : "table";
    if ("union".equalsIgnoreCase(type)) {
      JsonNode members = node.get("dataSources");
      if (members == null || !members.isArray()) {
        throw DruidException.invalidInput("Field[dataSource.dataSources] of a union must be a list of tables");
      }
      List<String> names = new ArrayList<>();
      for (JsonNode member : members) {
        DataSource table = fromJson(member);
        if (table == null || table.union || table.inline != null || table.subquery != null) {
          throw DruidException.invalidInput("Field[dataSource.dataSources] of a union must hold tables, got[%s]",
              member);
        }
        names.add(table.tableNames.get(0));
      }
      return union(names);
    }
    if ("inline".equalsIgnoreCase(type)) {
      return new DataSource(false, List.of(), InlineData.fromJson(node));
    }
    if (!"table".equalsIgnoreCase(type)) {
      throw DruidException.invalidInput("dataSource of type[%s] is not supported yet: use a table, union, inline or "
          + "query data source", type);
    }
    JsonNode name = node.get("name");
    if (name == null || !name.isTextual()) {
      throw DruidException.invalidInput("Field[dataSource.name] must name a table");
    }
    return table(name.asText());
  }

  /** The table's name; for a union, the names of its tables joined with {@code _} (as Druid names a union). */
  public String getName() {
    return inline != null ? "inline" : subquery != null ? "query" : String.join("_", tableNames);
  }

  /** The rows of an inline data source, or null. */
  public InlineData getInline() {
    return inline;
  }

  /** The tables read: one, the members of a union, or none for inline data. */
  public List<String> getTableNames() {
    return tableNames;
  }

  public boolean isUnion() {
    return union;
  }

  /** A query data source's JSON; the declared {@link Query} type makes the inner query write its queryType. */
  @JsonPropertyOrder({"type", "query"})
  private record QueryJson(@JsonProperty("type") String type, @JsonProperty("query") Query query) {}

  @JsonValue
  Object toJson() {
    if (inline != null) {
      return inline.toJson();
    }
    if (subquery != null) {
      return new QueryJson("query", subquery);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    if (union) {
      json.put("type", "union");
      List<Map<String, Object>> members = new ArrayList<>();
      tableNames.forEach(n -> members.add(tableJson(n)));
      json.put("dataSources", members);
    } else {
      json.put("type", "table");
      json.put("name", tableNames.get(0));
    }
    return json;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataSource that && union == that.union && tableNames.equals(that.tableNames)
        && Objects.equals(inline, that.inline) && Objects.equals(subquery, that.subquery);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tableNames, union, inline, subquery);
  }

  @Override
  public String toString() {
    if (inline != null || subquery != null) {
      return inline != null ? "inline" : "query(" + subquery + ")";
    }
    return union ? "union" + tableNames : tableNames.get(0);
  }

  private static Map<String, Object> tableJson(String name) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", "table");
    json.put("name", name);
    return json;
  }
}
