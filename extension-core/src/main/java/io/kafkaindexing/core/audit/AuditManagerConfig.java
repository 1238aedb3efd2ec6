package io.kafkaindexing.core.audit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * {@code druid.audit.manager.*}: {@code type} ({@code sql}, the default, or {@code log}),
 * {@code auditHistoryMillis} (how far back a history read without an interval looks; default one
 * week), {@code maxPayloadSizeBytes} (payloads larger than this are replaced by a note; {@code -1},
 * the default, keeps every payload; accepts {@code 10KiB}-style sizes), {@code skipNullField} (omit
 * null fields of object payloads; default false) and {@code logLevel} for the {@code log} type
 * ({@code DEBUG}, {@code INFO}, the default, or {@code WARN}). Immutable.
 */
public final class AuditManagerConfig {
  /** Where audited changes go. */
  public enum Type { SQL, LOG }

  /** The level the {@code log} manager writes at. */
  public enum LogLevel { DEBUG, INFO, WARN }

  private static final long ONE_WEEK_MILLIS = 7L * 24 * 60 * 60 * 1000;

  private final Type type;
  private final long auditHistoryMillis;
  private final long maxPayloadSizeBytes;
  private final boolean skipNullField;
  private final LogLevel logLevel;

  @JsonCreator
  public AuditManagerConfig(@JsonProperty("type") String type,
      @JsonProperty("auditHistoryMillis") Long auditHistoryMillis,
      @JsonProperty("maxPayloadSizeBytes") String maxPayloadSizeBytes,
      @JsonProperty("skipNullField") Boolean skipNullField,
      @JsonProperty("logLevel") String logLevel) {
    this.type = parseEnum(Type.class, type, Type.SQL, "type");
    this.auditHistoryMillis = auditHistoryMillis == null ? ONE_WEEK_MILLIS : auditHistoryMillis;
    if (this.auditHistoryMillis < 0) {
      throw invalid("auditHistoryMillis", "must not be negative; got[" + auditHistoryMillis + "]");
    }
    this.maxPayloadSizeBytes = maxPayloadSizeBytes == null ? -1 : parseBytes(maxPayloadSizeBytes);
    this.skipNullField = skipNullField != null && skipNullField;
    this.logLevel = parseEnum(LogLevel.class, logLevel, LogLevel.INFO, "logLevel");
  }

  /** All defaults: {@code sql}, one week of history, no payload limit. */
  public static AuditManagerConfig defaults() {
    return new AuditManagerConfig(null, null, null, null, null);
  }

  public Type type() {
    return type;
  }

  public long auditHistoryMillis() {
    return auditHistoryMillis;
  }

  /** The payload size limit in bytes, or -1 for none. */
  public long maxPayloadSizeBytes() {
    return maxPayloadSizeBytes;
  }

  public boolean skipNullField() {
    return skipNullField;
  }

  public LogLevel logLevel() {
    return logLevel;
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> cls, String value, E dflt, String field) {
    if (value == null || value.isBlank()) {
      return dflt;
    }
    try {
      return Enum.valueOf(cls, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      StringBuilder allowed = new StringBuilder();
      for (E c : cls.getEnumConstants()) {
        allowed.append(allowed.length() == 0 ? "" : ", ").append(c.name().toLowerCase(Locale.ROOT));
      }
      throw invalid(field, "must be one of " + allowed + "; got[" + value + "]");
    }
  }

  /** A byte count: a plain number, or with a suffix K/M/G (powers of 1000) or KiB/MiB/GiB (of 1024). */
  static long parseBytes(String value) {
    String v = value.trim();
    String[][] units = {{"KiB", "1024"}, {"MiB", "1048576"}, {"GiB", "1073741824"},
        {"K", "1000"}, {"M", "1000000"}, {"G", "1000000000"}};
    long multiplier = 1;
    for (String[] unit : units) {
      if (v.regionMatches(true, v.length() - unit[0].length(), unit[0], 0, unit[0].length())
          && v.length() > unit[0].length()) {
        multiplier = Long.parseLong(unit[1]);
        v = v.substring(0, v.length() - unit[0].length()).trim();
        break;
      }
    }
    long n;
    try {
      n = Math.multiplyExact(Long.parseLong(v), multiplier);
    } catch (NumberFormatException | ArithmeticException e) {
      throw invalid("maxPayloadSizeBytes", "must be a byte count such as 1024 or 10KiB; got[" + value + "]");
    }
    if (n < -1) {
      throw invalid("maxPayloadSizeBytes", "must be -1 (no limit) or a non-negative size; got[" + value + "]");
    }
    return n;
  }

  private static IllegalArgumentException invalid(String field, String problem) {
    return new IllegalArgumentException("Property[druid.audit.manager." + field + "] " + problem);
  }
}
