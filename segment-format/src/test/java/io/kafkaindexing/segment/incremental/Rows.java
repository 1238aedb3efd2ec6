package io.kafkaindexing.segment.incremental;

import io.kafkaindexing.segment.row.InputRow;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/** Test helpers building input rows. */
final class Rows {
  private Rows() {}

  static long t(String iso) {
    return new DateTime(iso, DateTimeZone.UTC).getMillis();
  }

  /** A row at {@code iso} with alternating key/value pairs; its dimensions are its non-metric keys. */
  static InputRow row(String iso, Object... keyValues) {
    Map<String, Object> event = new HashMap<>();
    List<String> dims = new ArrayList<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      String key = (String) keyValues[i];
      event.put(key, keyValues[i + 1]);
      dims.add(key);
    }
    return new MapBasedInputRow(t(iso), dims, event);
  }
}
