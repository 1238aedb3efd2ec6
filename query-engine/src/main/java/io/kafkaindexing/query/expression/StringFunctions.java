package io.kafkaindexing.query.expression;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code concat}, {@code substring}, {@code strlen}, {@code lower}, {@code upper},
 * {@code replace}, {@code regexp_extract}, {@code regexp_like}, {@code regexp_replace},
 * {@code contains_string} and {@code like}. A null string argument gives null. Patterns must be
 * literals and are compiled once. Stateless.
 */
final class StringFunctions {
  private StringFunctions() {}

  static void register(Map<String, FunctionDefinition> out) {
    out.put("concat", (name, args, errors) -> new Call(name, args, StringFunctions::concat, string()));
    out.put("substring", (name, args, errors) -> {
      Args.count(name, args, 3, 3, errors);
      return new Call(name, args, StringFunctions::substring, string());
    });
    out.put("strlen", (name, args, errors) -> {
      Args.count(name, args, 1, 1, errors);
      return new Call(name, args, (a, b) -> {
        String s = a.get(0).eval(b).asString();
        return s == null ? ExprValue.NULL_LONG : ExprValue.ofLong((long) s.length());
      }, Call.Typer.fixed(ExprType.LONG));
    });
    out.put("lower", (name, args, errors) -> unary(name, args, errors, s -> s.toLowerCase(Locale.ENGLISH)));
    out.put("upper", (name, args, errors) -> unary(name, args, errors, s -> s.toUpperCase(Locale.ENGLISH)));
    out.put("replace", (name, args, errors) -> {
      Args.count(name, args, 3, 3, errors);
      return new Call(name, args, StringFunctions::replace, string());
    });
    out.put("regexp_extract", StringFunctions::regexpExtract);
    out.put("regexp_like", (name, args, errors) -> {
      Args.count(name, args, 2, 2, errors);
      Pattern p = compile(name, Args.literalString(name, args, 1, "pattern", errors), errors);
      return new Call(name, args, (a, b) -> {
        String s = a.get(0).eval(b).asString();
        return s == null ? ExprValue.NULL_LONG : ExprValue.ofBoolean(p.matcher(s).find());
      }, Call.Typer.fixed(ExprType.LONG));
    });
    out.put("regexp_replace", (name, args, errors) -> {
      Args.count(name, args, 3, 3, errors);
      Pattern p = compile(name, Args.literalString(name, args, 1, "pattern", errors), errors);
      return new Call(name, args, (a, b) -> {
        String s = a.get(0).eval(b).asString();
        String replacement = a.get(2).eval(b).asString();
        return s == null || replacement == null ? ExprValue.NULL_STRING
            : ExprValue.ofString(p.matcher(s).replaceAll(replacement));
      }, string());
    });
    out.put("contains_string", (name, args, errors) -> {
      Args.count(name, args, 2, 2, errors);
      String needle = Args.literalString(name, args, 1, "string", errors);
      return new Call(name, args, (a, b) -> {
        String s = a.get(0).eval(b).asString();
        return s == null || needle == null ? ExprValue.NULL_LONG : ExprValue.ofBoolean(s.contains(needle));
      }, Call.Typer.fixed(ExprType.LONG));
    });
    out.put("like", StringFunctions::like);
  }

  private static Call.Typer string() {
    return Call.Typer.fixed(ExprType.STRING);
  }

  private static Call unary(String name, List<Expr> args, SyntaxErrors errors,
      java.util.function.UnaryOperator<String> fn) {
    Args.count(name, args, 1, 1, errors);
    return new Call(name, args, (a, b) -> {
      String s = a.get(0).eval(b).asString();
      return s == null ? ExprValue.NULL_STRING : ExprValue.ofString(fn.apply(s));
    }, string());
  }

  private static ExprValue concat(List<Expr> args, Bindings b) {
    if (args.isEmpty()) {
      return ExprValue.NULL_STRING;
    }
    StringBuilder sb = new StringBuilder();
    for (Expr arg : args) {
      String s = arg.eval(b).asString();
      if (s == null) {
        return ExprValue.NULL_STRING;
      }
      sb.append(s);
    }
    return ExprValue.ofString(sb.toString());
  }

  /** substring(s, index, length): 0-based index; a negative length means to the end; past the end is null. */
  private static ExprValue substring(List<Expr> args, Bindings b) {
    String s = args.get(0).eval(b).asString();
    if (s == null) {
      return ExprValue.NULL_STRING;
    }
    int index = (int) args.get(1).eval(b).asLong();
    int length = (int) args.get(2).eval(b).asLong();
    if (index >= s.length()) {
      return ExprValue.NULL_STRING;
    }
    if (index < 0) {
      throw io.kafkaindexing.core.error.DruidException.invalidInput(
          "Function[substring] needs a non-negative index, got %d", index);
    }
    return ExprValue.ofString(length >= 0 ? s.substring(index, (int) Math.min((long) index + length, s.length()))
        : s.substring(index));
  }

  /** replace(s, search, replacement): every occurrence of the literal text search. */
  private static ExprValue replace(List<Expr> args, Bindings b) {
    String s = args.get(0).eval(b).asString();
    String search = args.get(1).eval(b).asString();
    String replacement = args.get(2).eval(b).asString();
    if (s == null || search == null || replacement == null) {
      return ExprValue.NULL_STRING;
    }
    return ExprValue.ofString(s.replace(search, replacement));
  }

  /** regexp_extract(s, pattern, [group]): the group (0: the whole match) of the first match, or null. */
  private static Call regexpExtract(String name, List<Expr> args, SyntaxErrors errors) {
    Args.count(name, args, 2, 3, errors);
    Pattern p = compile(name, Args.literalString(name, args, 1, "pattern", errors), errors);
    long group = args.size() == 3 ? Args.literalLong(name, args, 2, "group index", errors) : 0;
    if (group < 0 || group > p.matcher("").groupCount()) {
      throw errors.invalid("function[" + name + "] group index " + group + " is out of range: the pattern has "
          + p.matcher("").groupCount() + " groups");
    }
    return new Call(name, args, (a, b) -> {
      String s = a.get(0).eval(b).asString();
      if (s == null) {
        return ExprValue.NULL_STRING;
      }
      Matcher m = p.matcher(s);
      return ExprValue.ofString(m.find() ? m.group((int) group) : null);
    }, string());
  }

  /** like(s, pattern, [escape]): SQL LIKE over the whole string; % is any run, _ any one character. */
  private static Call like(String name, List<Expr> args, SyntaxErrors errors) {
    Args.count(name, args, 2, 3, errors);
    String pattern = Args.literalString(name, args, 1, "pattern", errors);
    String escape = args.size() == 3 ? Args.literalString(name, args, 2, "escape character", errors) : null;
    if (pattern == null) {
      throw errors.invalid("function[like] needs a non-null pattern");
    }
    if (escape != null && escape.length() != 1) {
      throw errors.invalid("function[like] escape must be a single character, got '" + escape + "'");
    }
    Pattern p = Pattern.compile(likeToRegex(pattern, escape == null ? null : escape.charAt(0)), Pattern.DOTALL);
    return new Call(name, args, (a, b) -> {
      String s = a.get(0).eval(b).asString();
      return s == null ? ExprValue.NULL_LONG : ExprValue.ofBoolean(p.matcher(s).matches());
    }, Call.Typer.fixed(ExprType.LONG));
  }

  static String likeToRegex(String pattern, Character escape) {
    StringBuilder regex = new StringBuilder();
    boolean escaped = false;
    for (char c : pattern.toCharArray()) {
      if (escaped) {
        regex.append(Pattern.quote(String.valueOf(c)));
        escaped = false;
      } else if (escape != null && c == escape) {
        escaped = true;
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }

  private static Pattern compile(String name, String pattern, SyntaxErrors errors) {
    if (pattern == null) {
      throw errors.invalid("function[" + name + "] needs a non-null pattern");
    }
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw errors.invalid("function[" + name + "] has an invalid regular expression[" + pattern + "]: "
          + e.getDescription());
    }
  }
}
