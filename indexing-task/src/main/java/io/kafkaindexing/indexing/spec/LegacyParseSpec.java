package io.kafkaindexing.indexing.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.indexing.input.InputFormat;
import io.kafkaindexing.indexing.input.json.FlattenSpec;
import io.kafkaindexing.indexing.input.json.JsonInputFormat;
import io.kafkaindexing.indexing.input.text.CsvInputFormat;
import io.kafkaindexing.indexing.input.text.DelimitedInputFormat;
import io.kafkaindexing.indexing.input.text.RegexInputFormat;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a legacy {@code dataSchema.parser} says, mapped onto the input formats:
 * {@code {"type": "string", "parseSpec": {"format": ..., "timestampSpec", "dimensionsSpec", ...}}}
 * with {@code format} {@code json} ({@code flattenSpec}, {@code featureSpec},
 * {@code keepNullColumns}), {@code csv} ({@code columns}, {@code listDelimiter},
 * {@code hasHeaderRow}, {@code skipHeaderRows}), {@code tsv} (the same plus {@code delimiter};
 * the default format, as in Druid) or {@code regex} ({@code pattern}, {@code columns},
 * {@code listDelimiter}). Invalid parts are refused naming the field. Immutable.
 */
record LegacyParseSpec(TimestampSpec timestampSpec, DimensionsSpec dimensionsSpec, InputFormat inputFormat) {
  /** Reads the legacy parseSpec's parts as the process mapper would: Joda types, unknown keys ignored. */
  private static final ObjectMapper PLAIN = io.kafkaindexing.core.json.JsonMappers.create(java.util.List.of());

  static LegacyParseSpec of(Map<String, Object> parser) {
    Object type = parser.get("type");
    if (type != null && !"string".equalsIgnoreCase(type.toString())) {
      throw DruidException.invalidInput("dataSchema.parser.type[%s] is not supported: use \"string\", or an"
          + " ioConfig.inputFormat", type);
    }
    if (!(parser.get("parseSpec") instanceof Map<?, ?> raw)) {
      throw DruidException.invalidInput("dataSchema.parser.parseSpec is required with a legacy parser");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> parseSpec = (Map<String, Object>) raw;
    String format = parseSpec.get("format") == null ? "tsv" : parseSpec.get("format").toString();
    try {
      TimestampSpec ts = parseSpec.get("timestampSpec") == null ? null
          : PLAIN.convertValue(parseSpec.get("timestampSpec"), TimestampSpec.class);
      DimensionsSpec ds = parseSpec.get("dimensionsSpec") == null ? null
          : PLAIN.convertValue(parseSpec.get("dimensionsSpec"), DimensionsSpec.class);
      return new LegacyParseSpec(ts, ds, inputFormat(format, parseSpec));
    } catch (IllegalArgumentException | ClassCastException e) {
      throw DruidException.invalidInput("Invalid dataSchema.parser.parseSpec: %s", rootMessage(e));
    }
  }

  private static InputFormat inputFormat(String format, Map<String, Object> p) {
    switch (format.toLowerCase(Locale.ROOT)) {
      case "json":
        return new JsonInputFormat(
            p.get("flattenSpec") == null ? null : PLAIN.convertValue(p.get("flattenSpec"), FlattenSpec.class),
            featureSpec(p.get("featureSpec")), bool(p, "keepNullColumns"), null, null);
      case "csv":
        return new CsvInputFormat(strings(p, "columns"), string(p, "listDelimiter"), bool(p, "hasHeaderRow"), null,
            integer(p, "skipHeaderRows"), null);
      case "tsv":
        return new DelimitedInputFormat(strings(p, "columns"), string(p, "listDelimiter"), string(p, "delimiter"),
            bool(p, "hasHeaderRow"), null, integer(p, "skipHeaderRows"), null);
      case "regex":
        return new RegexInputFormat(string(p, "pattern"), string(p, "listDelimiter"), strings(p, "columns"));
      default:
        throw DruidException.invalidInput("dataSchema.parser.parseSpec.format[%s] is not supported: use json, csv,"
            + " tsv or regex", format);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Boolean> featureSpec(Object value) {
    return value == null ? null : (Map<String, Boolean>) value;
  }

  private static String string(Map<String, Object> p, String field) {
    Object v = p.get(field);
    return v == null ? null : v.toString();
  }

  private static Boolean bool(Map<String, Object> p, String field) {
    Object v = p.get(field);
    return v == null ? null : v instanceof Boolean b ? b : Boolean.valueOf(v.toString());
  }

  private static Integer integer(Map<String, Object> p, String field) {
    Object v = p.get(field);
    if (v == null) {
      return null;
    }
    try {
      return v instanceof Number n ? n.intValue() : Integer.valueOf(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("parseSpec." + field + "[" + v + "] is not an integer", e);
    }
  }

  private static List<String> strings(Map<String, Object> p, String field) {
    Object v = p.get(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof List<?> list)) {
      throw new IllegalArgumentException("parseSpec." + field + " must be a JSON array of strings, got[" + v + "]");
    }
    List<String> out = new ArrayList<>(list.size());
    list.forEach(o -> out.add(String.valueOf(o)));
    return out;
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
