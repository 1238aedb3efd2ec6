package io.kafkaindexing.query.expression;

import io.kafkaindexing.segment.granularity.PeriodGranularity;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.joda.time.Period;
import org.joda.time.chrono.ISOChronology;
import org.joda.time.format.DateTimeFormat;
import org.joda.time.format.DateTimeFormatter;
import org.joda.time.format.ISODateTimeFormat;

/**
 * {@code timestamp_floor}, {@code timestamp_ceil}, {@code timestamp_extract},
 * {@code timestamp_format}, {@code timestamp_parse}, {@code timestamp_shift}, {@code timestamp} and
 * {@code unix_timestamp}. Timestamps are epoch milliseconds (LONG);
 * a null or non-numeric timestamp gives null. Periods, origins, patterns, units and time zones must
 * be literals. Stateless.
 */
final class TimeFunctions {
  private TimeFunctions() {}

  static void register(Map<String, FunctionDefinition> out) {
    out.put("timestamp_floor", (name, args, errors) -> {
      PeriodGranularity g = granularity(name, args, errors);
      return new Call(name, args, (a, b) -> time(a, b, g::bucketStart), Call.Typer.fixed(ExprType.LONG));
    });
    out.put("timestamp_ceil", (name, args, errors) -> {
      PeriodGranularity g = granularity(name, args, errors);
      return new Call(name, args, (a, b) -> time(a, b, t -> {
        long start = g.bucketStart(t);
        return start == t ? t : g.increment(start);
      }), Call.Typer.fixed(ExprType.LONG));
    });
    out.put("timestamp_extract", TimeFunctions::extract);
    out.put("timestamp_shift", (name, args, errors) -> {
      Args.count(name, args, 3, 4, errors);
      String periodText = Args.literalString(name, args, 1, "period", errors);
      Period period;
      try {
        period = Period.parse(periodText == null ? "" : periodText);
      } catch (IllegalArgumentException e) {
        throw errors.invalid("function[" + name + "] has an invalid period[" + periodText + "]");
      }
      ISOChronology chronology = ISOChronology.getInstance(args.size() == 4 ? zone(name, args, 3, errors)
          : DateTimeZone.UTC);
      return new Call(name, args, (a, b) -> {
        ExprValue t = a.get(0).eval(b);
        ExprValue step = a.get(2).eval(b);
        if (t.isNumericNull()) {
          return ExprValue.NULL_LONG;
        }
        return ExprValue.ofLong(new DateTime(t.asLong(), chronology).withPeriodAdded(period, (int) step.asLong())
            .getMillis());
      }, Call.Typer.fixed(ExprType.LONG));
    });
    out.put("timestamp", (name, args, errors) -> fromString(name, args, errors, 1));
    out.put("unix_timestamp", (name, args, errors) -> fromString(name, args, errors, 1000));
    out.put("timestamp_format", (name, args, errors) -> {
      Args.count(name, args, 1, 3, errors);
      DateTimeZone zone = args.size() == 3 ? zone(name, args, 2, errors) : DateTimeZone.UTC;
      String pattern = args.size() >= 2 ? Args.literalString(name, args, 1, "pattern", errors) : null;
      DateTimeFormatter f = (pattern == null ? ISODateTimeFormat.dateTime() : formatter(name, pattern, errors))
          .withZone(zone);
      return new Call(name, args, (a, b) -> {
        ExprValue t = a.get(0).eval(b);
        return t.isNumericNull() ? ExprValue.NULL_STRING : ExprValue.ofString(f.print(t.asLong()));
      }, Call.Typer.fixed(ExprType.STRING));
    });
    out.put("timestamp_parse", (name, args, errors) -> {
      Args.count(name, args, 1, 3, errors);
      DateTimeZone zone = args.size() == 3 ? zone(name, args, 2, errors) : DateTimeZone.UTC;
      String pattern = args.size() >= 2 ? Args.literalString(name, args, 1, "pattern", errors) : null;
      DateTimeFormatter f = (pattern == null ? ISODateTimeFormat.dateTimeParser() : formatter(name, pattern, errors))
          .withChronology(ISOChronology.getInstance(zone));
      boolean sqlFormat = pattern == null;
      return new Call(name, args, (a, b) -> {
        String s = a.get(0).eval(b).asString();
        return s == null ? ExprValue.NULL_LONG : ExprValue.ofLong(parse(f, s, sqlFormat));
      }, Call.Typer.fixed(ExprType.LONG));
    });
  }

  @FunctionalInterface
  private interface LongOp {
    long apply(long t);
  }

  private static ExprValue time(List<Expr> args, Bindings b, LongOp op) {
    ExprValue t = args.get(0).eval(b);
    return t.isNumericNull() ? ExprValue.NULL_LONG : ExprValue.ofLong(op.apply(t.asLong()));
  }

  /** The ISO8601 or SQL ({@code 2000-01-02 03:04:05}) time, or null when it does not parse. */
  private static Long parse(DateTimeFormatter f, String s, boolean sqlFormat) {
    try {
      return f.parseMillis(s);
    } catch (IllegalArgumentException e) {
      int space = s.indexOf(' ');
      if (sqlFormat && space > 0) {
        try {
          return f.parseMillis(s.substring(0, space) + 'T' + s.substring(space + 1));
        } catch (IllegalArgumentException e2) {
          return null;
        }
      }
      return null;
    }
  }

  /**
   * timestamp/unix_timestamp(s, [pattern]): the time of an ISO-8601 (or patterned) string in UTC, in
   * milliseconds divided by {@code divisor}; a null, a non-string or a string that does not parse
   * is an error, as in Druid.
   */
  private static Call fromString(String name, List<Expr> args, SyntaxErrors errors, long divisor) {
    Args.count(name, args, 1, 2, errors);
    String pattern = args.size() == 2 ? Args.literalString(name, args, 1, "pattern", errors) : null;
    DateTimeFormatter f = (pattern == null ? ISODateTimeFormat.dateTimeParser() : formatter(name, pattern, errors))
        .withChronology(ISOChronology.getInstanceUTC());
    return new Call(name, args, (a, b) -> {
      ExprValue v = a.get(0).eval(b);
      if (v.isNull() || v.type() != ExprType.STRING) {
        throw io.kafkaindexing.core.error.DruidException.invalidInput(
            "Function[%s] first argument should be a STRING but got %s instead", name, v.type());
      }
      try {
        return ExprValue.ofLong(f.parseMillis(v.asString()) / divisor);
      } catch (IllegalArgumentException e) {
        throw io.kafkaindexing.core.error.DruidException.invalidInput("Function[%s] invalid value %s", name,
            v.asString());
      }
    }, Call.Typer.fixed(ExprType.LONG));
  }

  /** timestamp_floor/ceil(t, period, [origin, [timezone]]). */
  private static PeriodGranularity granularity(String name, List<Expr> args, SyntaxErrors errors) {
    Args.count(name, args, 2, 4, errors);
    String period = Args.literalString(name, args, 1, "period", errors);
    Long origin = null;
    if (args.size() >= 3) {
      ExprValue o = args.get(2).literalValue();
      if (o == null) {
        throw errors.invalid("function[" + name + "] needs a literal origin as argument 3, got " + args.get(2));
      }
      if (!o.isNull()) {
        try {
          origin = o.type() == ExprType.STRING ? new DateTime(o.asString(), DateTimeZone.UTC).getMillis() : o.asLong();
        } catch (IllegalArgumentException e) {
          throw errors.invalid("function[" + name + "] has an invalid origin[" + o.asString() + "]");
        }
      }
    }
    DateTimeZone zone = args.size() == 4 ? zone(name, args, 3, errors) : DateTimeZone.UTC;
    try {
      return new PeriodGranularity(Period.parse(period == null ? "" : period), origin, zone);
    } catch (IllegalArgumentException e) {
      throw errors.invalid("function[" + name + "] has an invalid period[" + period + "]: " + e.getMessage());
    }
  }

  private static DateTimeZone zone(String name, List<Expr> args, int index, SyntaxErrors errors) {
    String id = Args.literalString(name, args, index, "time zone", errors);
    if (id == null) {
      return DateTimeZone.UTC;
    }
    try {
      return DateTimeZone.forID(id);
    } catch (IllegalArgumentException e) {
      throw errors.invalid("function[" + name + "] has an unknown time zone[" + id + "]");
    }
  }

  private static DateTimeFormatter formatter(String name, String pattern, SyntaxErrors errors) {
    try {
      return DateTimeFormat.forPattern(pattern);
    } catch (IllegalArgumentException e) {
      throw errors.invalid("function[" + name + "] has an invalid pattern[" + pattern + "]: " + e.getMessage());
    }
  }

  /** timestamp_extract(t, unit, [timezone]). */
  private static Call extract(String name, List<Expr> args, SyntaxErrors errors) {
    Args.count(name, args, 2, 3, errors);
    String unitName = Args.literalString(name, args, 1, "unit", errors);
    Unit unit;
    try {
      unit = Unit.valueOf(unitName == null ? "" : unitName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw errors.invalid("function[" + name + "] has an unknown unit[" + unitName + "]: expected one of "
          + List.of(Unit.values()));
    }
    ISOChronology chronology = ISOChronology.getInstance(args.size() == 3 ? zone(name, args, 2, errors)
        : DateTimeZone.UTC);
    ExprType type = unit == Unit.CENTURY || unit == Unit.MILLENNIUM ? ExprType.DOUBLE : ExprType.LONG;
    return new Call(name, args, (a, b) -> {
      ExprValue t = a.get(0).eval(b);
      return t.isNumericNull() ? ExprValue.nullOf(type) : unit.of(new DateTime(t.asLong(), chronology));
    }, Call.Typer.fixed(type));
  }

  /** The parts timestamp_extract returns. */
  private enum Unit {
    EPOCH, MILLISECOND, SECOND, MINUTE, HOUR, DAY, DOW, ISODOW, DOY, WEEK, MONTH, QUARTER, YEAR,
    ISOYEAR, DECADE, CENTURY, MILLENNIUM;

    /** The part; CENTURY and MILLENNIUM are DOUBLE in Druid, the others LONG. */
    ExprValue of(DateTime t) {
      return this == CENTURY || this == MILLENNIUM ? ExprValue.ofDouble((double) part(t)) : ExprValue.ofLong(part(t));
    }

    private long part(DateTime t) {
      return switch (this) {
        case EPOCH -> t.getMillis() / 1000L;
        case MILLISECOND -> t.getMillisOfSecond();
        case SECOND -> t.getSecondOfMinute();
        case MINUTE -> t.getMinuteOfHour();
        case HOUR -> t.getHourOfDay();
        case DAY -> t.getDayOfMonth();
        case DOW, ISODOW -> t.getDayOfWeek();
        case DOY -> t.getDayOfYear();
        case WEEK -> t.getWeekOfWeekyear();
        case MONTH -> t.getMonthOfYear();
        case QUARTER -> (t.getMonthOfYear() - 1) / 3 + 1;
        case YEAR -> t.getYear();
        case ISOYEAR -> t.getYear(); // Druid 33 reports the calendar year here
        case DECADE -> t.getYear() / 10;
        case CENTURY -> (long) Math.ceil(t.getYearOfEra() / 100d);
        case MILLENNIUM -> (long) Math.ceil(t.getYearOfEra() / 1000d);
      };
    }
  }
}
