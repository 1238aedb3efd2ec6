package io.kafkaindexing.query.filter;

import io.kafkaindexing.core.error.DruidException;
import java.util.List;

/** Validation shared by the filter types. Stateless. */
final class Filters {
  private Filters() {}

  static List<DimFilter> requireFields(String type, List<DimFilter> fields) {
    if (fields == null || fields.isEmpty()) {
      throw DruidException.invalidInput("Filter of type[%s] needs a non-empty field[fields]", type);
    }
    for (DimFilter f : fields) {
      if (f == null) {
        throw DruidException.invalidInput("Filter of type[%s] has a null entry in field[fields]", type);
      }
    }
    return List.copyOf(fields);
  }
}
