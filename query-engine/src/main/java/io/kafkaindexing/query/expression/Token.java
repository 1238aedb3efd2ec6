package io.kafkaindexing.query.expression;

/** One lexical token of an expression and where it starts (0-based character offset). Immutable. */
record Token(Kind kind, String text, int position) {
  enum Kind { LONG, DOUBLE, STRING, IDENTIFIER, QUOTED_IDENTIFIER, OPERATOR, LEFT_PAREN, RIGHT_PAREN, COMMA, END }

  boolean is(Kind k, String t) {
    return kind == k && text.equals(t);
  }

  /** How error messages name the token. */
  String describe() {
    return switch (kind) {
      case END -> "the end of the expression";
      case STRING -> "string '" + text + "'";
      case QUOTED_IDENTIFIER -> "identifier \"" + text + "\"";
      default -> "'" + text + "'";
    };
  }
}
