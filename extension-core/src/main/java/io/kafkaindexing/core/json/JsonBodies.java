package io.kafkaindexing.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kafkaindexing.core.error.DruidException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a request body into a spec or query object, turning every failure into a
 * {@link DruidException} (HTTP 400) whose message says what is wrong and where: the line and column
 * for JSON syntax errors, the field path ({@code ioConfig.taskCount}) for values of the wrong type.
 *
 * <p>For syntax errors the body is parsed a second time with lenient features (unquoted field names,
 * single quotes, trailing commas) so that a second, different mistake further down is reported in
 * the same answer: a user pasting a spec with two typos learns about both at once. Thread-safe.
 */
public final class JsonBodies {
  private static final ObjectMapper LENIENT = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES,
          JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .build();

  private JsonBodies() {}

  /**
   * Parses {@code body} as {@code type}. {@code what} names the body in messages ("supervisor spec",
   * "query").
   */
  public static <T> T read(ObjectMapper mapper, byte[] body, Class<T> type, String what) {
    if (body == null || isBlank(body)) {
      throw DruidException.invalidInput("Request body is empty: expected a JSON %s", what);
    }
    checkSyntax(mapper, body, what);
    try {
      T value = mapper.readValue(body, type);
      if (value == null) {
        throw DruidException.invalidInput("Expected a JSON object as the %s, got null", what);
      }
      return value;
    } catch (ValueInstantiationException e) {
      throw fromCreator(e, what);
    } catch (JsonMappingException e) {
      throw fromMapping(e, what);
    } catch (IOException e) {
      throw DruidException.invalidInput("Cannot read the %s: %s", what, e.getMessage());
    }
  }

  /** Throws with every syntax error found (at most two), or returns if the JSON is well formed. */
  private static void checkSyntax(ObjectMapper mapper, byte[] body, String what) {
    String first = syntaxError(mapper, body);
    if (first == null) {
      return;
    }
    List<String> errors = new ArrayList<>();
    errors.add(first);
    String second = syntaxError(LENIENT, body);
    if (second != null && !second.equals(first)) {
      errors.add(second);
    }
    String message = errors.size() == 1
        ? String.format(Locale.ROOT, "Invalid JSON in the %s: %s", what, first)
        : String.format(Locale.ROOT, "Invalid JSON in the %s: %s; and further on: %s", what, first, second);
    throw DruidException.invalidInput("%s", message);
  }

  /** The first syntax error as "message at line L, column C", or null if the body parses. */
  private static String syntaxError(ObjectMapper mapper, byte[] body) {
    try (JsonParser parser = mapper.getFactory().createParser(body)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return null;
      }
      parser.skipChildren();
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        return "unexpected content after the end of the JSON value" + at(parser.currentTokenLocation());
      }
      return null;
    } catch (JsonParseException e) {
      return e.getOriginalMessage() + at(e.getLocation());
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  private static DruidException fromCreator(ValueInstantiationException e, String what) {
    Throwable cause = e.getCause();
    while (cause != null && !(cause instanceof DruidException) && cause.getCause() != null
        && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    if (cause instanceof DruidException de) {
      return de;
    }
    String detail = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getOriginalMessage();
    return DruidException.invalidInput("Invalid %s%s: %s", what, field(e), detail);
  }

  private static DruidException fromMapping(JsonMappingException e, String what) {
    // A top-level problem has no field path: say so rather than "field[]".
    String field = path(e).isEmpty() ? "" : "field[" + path(e) + "] ";
    if (e instanceof InvalidTypeIdException typeId) {
      return DruidException.invalidInput("Could not resolve type id[%s] %sin the %s%s",
          typeId.getTypeId(), field.isEmpty() ? "" : "of " + field, what, at(e.getLocation()));
    }
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    if (newline > 0) {
      message = message.substring(0, newline);
    }
    return DruidException.invalidInput("Invalid value %sin the %s: %s%s", field.isEmpty() ? "" : "for " + field,
        what, message, at(e.getLocation()));
  }

  private static String field(JsonMappingException e) {
    String path = path(e);
    return path.isEmpty() ? "" : " field[" + path + "]";
  }

  /** The dotted field path of a mapping error, e.g. {@code ioConfig.consumerProperties}. */
  public static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return String.format(Locale.ROOT, " at line %d, column %d", location.getLineNr(), location.getColumnNr());
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }
}
