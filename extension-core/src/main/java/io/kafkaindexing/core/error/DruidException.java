package io.kafkaindexing.core.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An error meant for the caller of a REST API, in Druid's error model: who should act on it
 * ({@link Persona}), what kind of failure it is ({@link Category}, which fixes the HTTP status), a
 * stable {@code errorCode}, and a message that reads as a sentence and names the field at fault.
 * Messages never carry secrets. Immutable.
 */
public final class DruidException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Who is expected to act on the error. */
  public enum Persona { USER, ADMIN, OPERATOR, DEVELOPER }

  /** The kind of failure, with its HTTP status. */
  public enum Category {
    INVALID_INPUT(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409),
    UNSUPPORTED(501),
    CAPACITY_EXCEEDED(429),
    CANCELED(500),
    RUNTIME_FAILURE(500),
    TIMEOUT(504),
    DEFENSIVE(500);

    private final int httpStatus;

    Category(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  /** The errorCode of a legacy Broker query error wrapped in this model (see {@link #legacyQuery}). */
  public static final String LEGACY_QUERY_EXCEPTION = "legacyQueryException";

  private final Persona persona;
  private final Category category;
  private final String errorCode;
  private final Map<String, String> context;

  public DruidException(Persona persona, Category category, String errorCode, String message,
      Map<String, String> context, Throwable cause) {
    super(message, cause);
    this.persona = persona;
    this.category = category;
    this.errorCode = errorCode;
    // Insertion order is kept (it is the JSON key order); values may be null (e.g. "host").
    this.context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
  }

  /** A 400 for bad input from the user; {@code format} uses {@link String#format} arguments. */
  public static DruidException invalidInput(String format, Object... args) {
    return new DruidException(Persona.USER, Category.INVALID_INPUT, "invalidInput",
        String.format(Locale.ROOT, format, args), Map.of(), null);
  }

  /** A 404 for a missing resource. */
  public static DruidException notFound(String format, Object... args) {
    return new DruidException(Persona.USER, Category.NOT_FOUND, "notFound",
        String.format(Locale.ROOT, format, args), Map.of(), null);
  }

  /** A 500 for a failure the user cannot fix. */
  public static DruidException internal(Throwable cause, String format, Object... args) {
    return new DruidException(Persona.OPERATOR, Category.RUNTIME_FAILURE, "internalServerError",
        String.format(Locale.ROOT, format, args), Map.of(), cause);
  }

  /**
   * A Broker query error in Druid's compatibility form for its legacy {@code QueryException}s:
   * errorCode {@value #LEGACY_QUERY_EXCEPTION}, persona OPERATOR, and context {@code host},
   * {@code errorClass}, {@code legacyErrorCode} (e.g. {@code "Query timeout"}), which
   * {@link ErrorResponses#fullBody} also writes as the top-level {@code error}, {@code errorClass} and
   * {@code host}.
   */
  public static DruidException legacyQuery(String legacyErrorCode, Category category, String errorClass, String host,
      String message, Throwable cause) {
    Map<String, String> context = new LinkedHashMap<>();
    context.put("host", host);
    context.put("errorClass", errorClass);
    context.put("legacyErrorCode", legacyErrorCode);
    return new DruidException(Persona.OPERATOR, category, LEGACY_QUERY_EXCEPTION, message, context, cause);
  }

  public Persona persona() {
    return persona;
  }

  public Category category() {
    return category;
  }

  public String errorCode() {
    return errorCode;
  }

  public Map<String, String> context() {
    return context;
  }

  public int httpStatus() {
    return category.httpStatus();
  }
}
