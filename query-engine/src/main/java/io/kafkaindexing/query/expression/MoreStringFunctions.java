package io.kafkaindexing.query.expression;

import io.kafkaindexing.core.error.DruidException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code trim}, {@code ltrim}, {@code rtrim}, {@code left}, {@code right}, {@code strpos},
 * {@code reverse}, {@code repeat}, {@code lpad}, {@code rpad}, {@code icontains_string} and
 * {@code parse_long}. A null string gives null. Stateless.
 */
final class MoreStringFunctions {
  private MoreStringFunctions() {}

  static void register(Map<String, FunctionDefinition> out) {
    out.put("trim", (name, args, errors) -> trim(name, args, errors, true, true));
    out.put("ltrim", (name, args, errors) -> trim(name, args, errors, true, false));
    out.put("rtrim", (name, args, errors) -> trim(name, args, errors, false, true));
    out.put("left", (name, args, errors) -> leftRight(name, args, errors, true));
    out.put("right", (name, args, errors) -> leftRight(name, args, errors, false));
    out.put("strpos", (name, args, errors) -> {
      Args.count(name, args, 2, 3, errors);
      return new Call(name, args, (a, b) -> {
        String haystack = a.get(0).eval(b).asString();
        String needle = a.get(1).eval(b).asString();
        if (haystack == null || needle == null) {
          return ExprValue.NULL_LONG;
        }
        int from = a.size() == 3 ? (int) a.get(2).eval(b).asLong() : 0;
        return ExprValue.ofLong((long) haystack.indexOf(needle, from));
      }, Call.Typer.fixed(ExprType.LONG));
    });
    out.put("reverse", (name, args, errors) -> {
      Args.count(name, args, 1, 1, errors);
      return new Call(name, args, (a, b) -> {
        ExprValue v = a.get(0).eval(b);
        if (!v.isNull() && v.type() != ExprType.STRING) {
          throw DruidException.invalidInput("Function[reverse] needs a STRING argument but got %s instead", v.type());
        }
        String s = v.asString();
        return s == null ? ExprValue.NULL_STRING : ExprValue.ofString(new StringBuilder(s).reverse().toString());
      }, Call.Typer.fixed(ExprType.STRING));
    });
    out.put("repeat", (name, args, errors) -> {
      Args.count(name, args, 2, 2, errors);
      return new Call(name, args, (a, b) -> {
        String s = a.get(0).eval(b).asString();
        ExprValue n = a.get(1).eval(b);
        if (s == null || n.isNumericNull()) {
          return ExprValue.NULL_STRING;
        }
        return n.asLong() < 1 ? ExprValue.NULL_STRING : ExprValue.ofString(s.repeat((int) n.asLong()));
      }, Call.Typer.fixed(ExprType.STRING));
    });
    out.put("lpad", (name, args, errors) -> pad(name, args, errors, true));
    out.put("rpad", (name, args, errors) -> pad(name, args, errors, false));
    out.put("icontains_string", (name, args, errors) -> {
      Args.count(name, args, 2, 2, errors);
      String needle = Args.literalString(name, args, 1, "string", errors);
      String lower = needle == null ? null : needle.toLowerCase(Locale.ROOT);
      return new Call(name, args, (a, b) -> {
        String s = a.get(0).eval(b).asString();
        return s == null || lower == null ? ExprValue.NULL_LONG
            : ExprValue.ofBoolean(s.toLowerCase(Locale.ROOT).contains(lower));
      }, Call.Typer.fixed(ExprType.LONG));
    });
    out.put("parse_long", (name, args, errors) -> {
      Args.count(name, args, 1, 2, errors);
      int radix = args.size() == 2 ? (int) Args.literalLong(name, args, 1, "radix", errors) : 10;
      if (radix < Character.MIN_RADIX || radix > Character.MAX_RADIX) {
        throw errors.invalid("function[parse_long] radix " + radix + " is out of range");
      }
      return new Call(name, args, (a, b) -> {
        String s = a.get(0).eval(b).asString();
        if (s == null) {
          return ExprValue.NULL_LONG;
        }
        String digits = radix == 16 && (s.startsWith("0x") || s.startsWith("0X")) ? s.substring(2) : s;
        try {
          return ExprValue.ofLong(Long.parseLong(digits, radix));
        } catch (NumberFormatException e) {
          return ExprValue.NULL_LONG;
        }
      }, Call.Typer.fixed(ExprType.LONG));
    });
  }

  private static Call trim(String name, List<Expr> args, SyntaxErrors errors, boolean start, boolean end) {
    Args.count(name, args, 1, 2, errors);
    return new Call(name, args, (a, b) -> {
      ExprValue v = a.get(0).eval(b);
      String chars = a.size() == 2 ? a.get(1).eval(b).asString() : " ";
      // As Druid: a null or non-string input, or null chars, leave the value as it is.
      if (v.isNull() || v.type() != ExprType.STRING || chars == null) {
        return v;
      }
      String s = v.asString();
      int from = 0;
      int to = s.length();
      while (start && from < to && chars.indexOf(s.charAt(from)) >= 0) {
        from++;
      }
      while (end && to > from && chars.indexOf(s.charAt(to - 1)) >= 0) {
        to--;
      }
      return ExprValue.ofString(s.substring(from, to));
    }, (a, c) -> a.get(0).outputType(c));
  }

  private static Call leftRight(String name, List<Expr> args, SyntaxErrors errors, boolean left) {
    Args.count(name, args, 2, 2, errors);
    return new Call(name, args, (a, b) -> {
      String s = a.get(0).eval(b).asString();
      if (s == null) {
        return ExprValue.NULL_STRING;
      }
      long n = a.get(1).eval(b).asLong();
      if (n < 0) {
        throw DruidException.invalidInput("Function[%s] needs a postive integer as second argument", name);
      }
      int len = s.length();
      if (n >= len) {
        return ExprValue.ofString(s);
      }
      return ExprValue.ofString(left ? s.substring(0, (int) n) : s.substring(len - (int) n));
    }, Call.Typer.fixed(ExprType.STRING));
  }

  /**
   * lpad/rpad(s, length, chars): cut to length, or padded with chars repeated; an empty chars pads
   * nothing; a length of 0 gives null and a negative one the empty string (as Druid 33 answers).
   */
  private static Call pad(String name, List<Expr> args, SyntaxErrors errors, boolean left) {
    Args.count(name, args, 3, 3, errors);
    return new Call(name, args, (a, b) -> {
      String s = a.get(0).eval(b).asString();
      int length = (int) a.get(1).eval(b).asLong();
      String chars = a.get(2).eval(b).asString();
      if (s == null || chars == null) {
        return ExprValue.NULL_STRING;
      }
      if (length == 0) {
        return ExprValue.NULL_STRING; // as Druid 33 answers
      }
      if (length < 0) {
        return ExprValue.ofString("");
      }
      if (length <= s.length()) {
        return ExprValue.ofString(s.substring(0, length));
      }
      if (chars.isEmpty()) {
        return ExprValue.ofString(s);
      }
      StringBuilder padding = new StringBuilder();
      while (padding.length() < length - s.length()) {
        padding.append(chars);
      }
      padding.setLength(length - s.length());
      return ExprValue.ofString(left ? padding + s : s + padding);
    }, Call.Typer.fixed(ExprType.STRING));
  }
}
