package io.kafkaindexing.query.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits an expression into {@link Token}s: numbers (a long unless it has a '.' or an exponent),
 * string literals in single quotes, identifiers ({@code [A-Za-z_$][A-Za-z0-9_$]*}) and quoted
 * identifiers in double quotes (both with Java escapes such as {@code \'}, {@code \"},
 * {@code \\}, {@code \n}, {@code \u00e9}), operators, parentheses and commas. Not thread-safe; one
 * per expression.
 */
final class Lexer {
  private static final Set<String> TWO_CHAR_OPERATORS = Set.of("<=", ">=", "==", "!=", "&&", "||");
  private static final String ONE_CHAR_OPERATORS = "+-*/%^<>!";

  private final String text;
  private final SyntaxErrors errors;
  private int pos;

  Lexer(String text, SyntaxErrors errors) {
    this.text = text;
    this.errors = errors;
  }

  List<Token> tokens() {
    List<Token> out = new ArrayList<>();
    while (true) {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
      if (pos >= text.length()) {
        out.add(new Token(Token.Kind.END, "", pos));
        return out;
      }
      out.add(next());
    }
  }

  private Token next() {
    int start = pos;
    char c = text.charAt(pos);
    if (Character.isDigit(c)) {
      return number(start);
    }
    if (isIdentifierStart(c)) {
      while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
        pos++;
      }
      return new Token(Token.Kind.IDENTIFIER, text.substring(start, pos), start);
    }
    if (c == '\'') {
      return new Token(Token.Kind.STRING, quoted('\''), start);
    }
    if (c == '"') {
      return new Token(Token.Kind.QUOTED_IDENTIFIER, quoted('"'), start);
    }
    if (c == '(' || c == ')' || c == ',') {
      pos++;
      Token.Kind kind = c == '(' ? Token.Kind.LEFT_PAREN : c == ')' ? Token.Kind.RIGHT_PAREN : Token.Kind.COMMA;
      return new Token(kind, String.valueOf(c), start);
    }
    if (pos + 1 < text.length() && TWO_CHAR_OPERATORS.contains(text.substring(pos, pos + 2))) {
      pos += 2;
      return new Token(Token.Kind.OPERATOR, text.substring(start, pos), start);
    }
    if (ONE_CHAR_OPERATORS.indexOf(c) >= 0) {
      pos++;
      return new Token(Token.Kind.OPERATOR, String.valueOf(c), start);
    }
    if (c == '=' || c == '&' || c == '|') {
      throw errors.at(start, "unexpected character '" + c + "' (did you mean '" + (c == '=' ? "==" : c + "" + c) + "'?)");
    }
    if (c == '[') {
      throw errors.at(start, "array literals are not supported");
    }
    throw errors.at(start, "unexpected character '" + c + "'");
  }

  private Token number(int start) {
    boolean decimal = false;
    digits();
    if (pos < text.length() && text.charAt(pos) == '.') {
      decimal = true;
      pos++;
      digits();
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      int mark = pos;
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
        pos++;
      }
      if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        decimal = true;
        digits();
      } else {
        pos = mark;
      }
    }
    if (pos < text.length() && isIdentifierStart(text.charAt(pos))) {
      throw errors.at(pos, "unexpected character '" + text.charAt(pos) + "' after number " + text.substring(start, pos));
    }
    return new Token(decimal ? Token.Kind.DOUBLE : Token.Kind.LONG, text.substring(start, pos), start);
  }

  private void digits() {
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
  }

  private String quoted(char quote) {
    int start = pos;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == quote) {
        pos++;
        return sb.toString();
      }
      if (c == '\\') {
        sb.append(escape());
      } else {
        sb.append(c);
        pos++;
      }
    }
    throw errors.at(start, "unterminated " + (quote == '\'' ? "string literal" : "quoted identifier"));
  }

  private char escape() {
    int start = pos;
    if (pos + 1 >= text.length()) {
      throw errors.at(start, "incomplete escape sequence");
    }
    char e = text.charAt(pos + 1);
    pos += 2;
    return switch (e) {
      case '\'', '"', '\\', '/' -> e;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> {
        if (pos + 4 > text.length()) {
          throw errors.at(start, "incomplete unicode escape");
        }
        try {
          char u = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
          pos += 4;
          yield u;
        } catch (NumberFormatException ex) {
          throw errors.at(start, "invalid unicode escape \\u" + text.substring(pos, pos + 4));
        }
      }
      default -> throw errors.at(start, "invalid escape sequence \\" + e);
    };
  }

  private static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || (c >= '0' && c <= '9');
  }
}
