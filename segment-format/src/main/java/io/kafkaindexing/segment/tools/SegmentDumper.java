package io.kafkaindexing.segment.tools;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.segment.SegmentJacksonModule;
import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.DimensionSelector;
import io.kafkaindexing.segment.column.IndexedInts;
import io.kafkaindexing.segment.column.ValueType;
import io.kafkaindexing.segment.read.ColumnIndexSupplier;
import io.kafkaindexing.segment.read.ColumnNames;
import io.kafkaindexing.segment.read.Cursor;
import io.kafkaindexing.segment.read.DictionaryEncodedValueIndex;
import io.kafkaindexing.segment.read.SegmentView;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Prints a segment view the way Druid's {@code dump-segment} tool does: rows as one JSON object
 * per line ({@code __time}, dimensions, then metrics; one-value multi-value rows as a plain
 * string, complex values as base64), and bitmaps as
 * {@code {"bitmapSerdeFactory":{"type":"roaring"},"bitmaps":{column:{value:bitmap}}}} with
 * {@code "null"} as the key of the null value and {@code null} for columns without bitmaps.
 * Stateless.
 */
public final class SegmentDumper {
  private static final JsonFactory JSON = new ObjectMapper().registerModule(new SegmentJacksonModule()).getFactory();

  private SegmentDumper() {}

  /** Columns in dump order: {@code __time}, dimensions, metrics. */
  public static List<String> columns(SegmentView view) {
    List<String> columns = new ArrayList<>();
    columns.add(ColumnNames.TIME);
    columns.addAll(view.getDimensionNames());
    columns.addAll(view.getMetricNames());
    return columns;
  }

  public static void dumpRows(SegmentView view, boolean timeIso8601, OutputStream out) throws IOException {
    List<String> columns = columns(view);
    Cursor cursor = view.makeCursor(new Interval(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2, DateTimeZone.UTC));
    ColumnSelectorFactory factory = cursor.getColumnSelectorFactory();
    List<ColumnValueSelector> selectors = new ArrayList<>();
    for (String c : columns) {
      ColumnCapabilities caps = view.getColumnCapabilities(c);
      selectors.add(caps != null && caps.type() == ValueType.STRING ? factory.makeDimensionSelector(c)
          : factory.makeColumnValueSelector(c));
    }
    try (JsonGenerator gen = JSON.createGenerator(new NonClosing(out), JsonEncoding.UTF8)) {
      gen.setRootValueSeparator(null);
      for (; !cursor.isDone(); cursor.advance()) {
        gen.writeStartObject();
        for (int i = 0; i < columns.size(); i++) {
          gen.writeFieldName(columns.get(i));
          ColumnValueSelector s = selectors.get(i);
          if (i == 0) {
            long t = s.getLong();
            if (timeIso8601) {
              gen.writeString(new DateTime(t, DateTimeZone.UTC).toString());
            } else {
              gen.writeNumber(t);
            }
          } else {
            writeValue(gen, s);
          }
        }
        gen.writeEndObject();
        gen.flush();
        out.write('\n');
      }
    }
  }

  private static void writeValue(JsonGenerator gen, ColumnValueSelector s) throws IOException {
    if (s instanceof DimensionSelector d) {
      IndexedInts row = d.getRow();
      if (row.size() == 1) {
        gen.writeString(d.lookupName(row.get(0)));
        return;
      }
      gen.writeStartArray();
      for (int i = 0; i < row.size(); i++) {
        gen.writeString(d.lookupName(row.get(i)));
      }
      gen.writeEndArray();
      return;
    }
    Object v = s.getObject();
    if (v == null) {
      gen.writeNull();
    } else if (v instanceof Long l) {
      gen.writeNumber(l);
    } else if (v instanceof Double d) {
      gen.writeNumber(d);
    } else if (v instanceof Float f) {
      gen.writeNumber(f);
    } else if (v instanceof byte[] b) {
      gen.writeBinary(b);
    } else {
      gen.writeObject(v);
    }
  }

  public static void dumpBitmaps(SegmentView view, boolean decompress, OutputStream out) throws IOException {
    try (JsonGenerator gen = JSON.createGenerator(new NonClosing(out), JsonEncoding.UTF8)) {
      gen.writeStartObject();
      gen.writeObjectFieldStart("bitmapSerdeFactory");
      gen.writeStringField("type", "roaring");
      gen.writeEndObject();
      gen.writeObjectFieldStart("bitmaps");
      for (String c : columns(view)) {
        gen.writeFieldName(c);
        ColumnIndexSupplier supplier = view.getIndexSupplier(c);
        DictionaryEncodedValueIndex index = supplier == null ? null : supplier.as(DictionaryEncodedValueIndex.class);
        if (index == null) {
          gen.writeNull();
          continue;
        }
        gen.writeStartObject();
        for (int id = 0; id < index.getCardinality(); id++) {
          String value = index.getValue(id);
          gen.writeFieldName(value == null ? "null" : value);
          ImmutableRoaringBitmap bitmap = index.getBitmap(id);
          if (decompress) {
            gen.writeStartArray();
            for (IntIterator it = bitmap.getIntIterator(); it.hasNext();) {
              gen.writeNumber(it.next());
            }
            gen.writeEndArray();
          } else {
            gen.writeBinary(serialize(bitmap));
          }
        }
        gen.writeEndObject();
      }
      gen.writeEndObject();
      gen.writeEndObject();
    }
  }

  private static byte[] serialize(ImmutableRoaringBitmap bitmap) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      bitmap.serialize(out);
    }
    return bytes.toByteArray();
  }

  /** Lets the generator close without closing the caller's stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
