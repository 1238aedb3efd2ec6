package io.kafkaindexing.indexing.input.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a record into lines as Druid's line reader does: on LF, dropping a CR right before it; a
 * final LF does not start another line; empty lines in between are kept; an empty record has no
 * lines. Text is UTF-8. Stateless.
 */
public final class Lines {
  private Lines() {}

  public static List<String> split(byte[] value) {
    List<String> lines = new ArrayList<>();
    if (value == null || value.length == 0) {
      return lines;
    }
    String text = new String(value, StandardCharsets.UTF_8);
    int start = 0;
    while (start < text.length()) {
      int lf = text.indexOf('\n', start);
      int end = lf < 0 ? text.length() : lf;
      int cut = lf > start && text.charAt(lf - 1) == '\r' ? lf - 1 : end;
      lines.add(text.substring(start, cut));
      if (lf < 0) {
        break;
      }
      start = lf + 1;
    }
    return lines;
  }
}
