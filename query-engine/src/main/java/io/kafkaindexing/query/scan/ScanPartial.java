package io.kafkaindexing.query.scan;

import java.util.List;
import java.util.Map;

/**
 * The rows one segment contributes to a scan: the segment id, the columns read with their
 * signature entries ({@code name} and, when known, {@code type}), and the rows. Confined to the
 * query's thread.
 */
record ScanPartial(String segmentId, List<String> columns, List<Map<String, Object>> rowSignature,
    List<Row> rows) {

  /** One scanned row: its time (for ordering) and its values in column order. */
  record Row(long time, Object[] values) {}
}
