package io.kafkaindexing.indexing.input.text;

import io.kafkaindexing.indexing.input.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line per RFC 4180, the way Druid's CSV reader (opencsv's RFC 4180 parser in
 * SQL-compatible null mode) does: fields separated by commas; a field in double quotes may hold
 * commas and doubled quotes ({@code ""} for {@code "}); an empty unquoted field is null while a
 * quoted empty field ({@code ""}) is the empty string. Stateless.
 */
final class CsvLineParser {
  private CsvLineParser() {}

  static List<String> parse(String line) throws ParseException {
    List<String> fields = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (true) {
      if (i < n && line.charAt(i) == '"') {
        StringBuilder sb = new StringBuilder();
        int j = i + 1;
        while (true) {
          if (j >= n) {
            throw new ParseException(line, "Unterminated quoted field in CSV line [" + line + "]", null);
          }
          char c = line.charAt(j);
          if (c == '"') {
            if (j + 1 < n && line.charAt(j + 1) == '"') {
              sb.append('"');
              j += 2;
              continue;
            }
            j++;
            break;
          }
          sb.append(c);
          j++;
        }
        // Characters after the closing quote up to the separator belong to the field, as opencsv keeps them.
        while (j < n && line.charAt(j) != ',') {
          sb.append(line.charAt(j));
          j++;
        }
        fields.add(sb.toString());
        i = j;
      } else {
        int comma = line.indexOf(',', i);
        int end = comma < 0 ? n : comma;
        String field = line.substring(i, end);
        fields.add(field.isEmpty() ? null : field);
        i = end;
      }
      if (i >= n) {
        return fields;
      }
      i++; // the comma
      if (i == n) {
        fields.add(null); // a trailing comma ends with an empty field
        return fields;
      }
    }
  }
}
