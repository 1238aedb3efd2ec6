package io.kafkaindexing.indexing.input.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one text field into a row value as Druid's flat-text readers do: null stays null; a value
 * holding the {@code listDelimiter} (default ctrl-A, {@code \u0001}) becomes the list of its parts
 * (a multi-value string); with {@code tryParseNumbers}, integral values become Long and other
 * numbers Double. Immutable and thread-safe.
 */
final class ListValues {
  static final String DEFAULT_LIST_DELIMITER = "\u0001";

  private final String listDelimiter;
  private final boolean tryParseNumbers;

  ListValues(String listDelimiter, boolean tryParseNumbers) {
    this.listDelimiter = listDelimiter == null ? DEFAULT_LIST_DELIMITER : listDelimiter;
    this.tryParseNumbers = tryParseNumbers;
  }

  Object convert(String field) {
    if (field == null) {
      return null;
    }
    if (!listDelimiter.isEmpty() && field.contains(listDelimiter)) {
      List<Object> parts = new ArrayList<>();
      int start = 0;
      while (true) {
        int at = field.indexOf(listDelimiter, start);
        if (at < 0) {
          parts.add(number(field.substring(start)));
          return parts;
        }
        parts.add(number(field.substring(start, at)));
        start = at + listDelimiter.length();
      }
    }
    return number(field);
  }

  private Object number(String s) {
    if (!tryParseNumbers || s.isEmpty()) {
      return s;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      // not a long; maybe a double
    }
    char last = s.charAt(s.length() - 1);
    if (Character.isDigit(last) || last == '.') {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        // not a number
      }
    }
    return s;
  }
}
