package io.kafkaindexing.core.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds Druid's error bodies. Two shapes exist in Druid 33 and clients parse both:
 * <ul>
 *   <li>{@link #simple}: {@code {"error": "<message>"}}, what the Overlord's supervisor and task
 *       APIs answer;</li>
 *   <li>{@link #full}: the {@code DruidException} shape {@code {"error":"druidException",
 *       "errorCode", "persona", "category", "errorMessage", "context"}}, plus the legacy query
 *       fields {@code errorClass} and {@code host} that older Broker clients read; a legacy query
 *       error ({@link DruidException#legacyQuery}) is written in Druid's compatibility order with
 *       its legacy code as {@code error}.</li>
 * </ul>
 * Stateless.
 */
public final class ErrorResponses {
  private ErrorResponses() {}

  public static Response simple(int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  public static Response simple(DruidException e) {
    return simple(e.httpStatus(), e.getMessage());
  }

  public static Map<String, Object> fullBody(DruidException e) {
    if (DruidException.LEGACY_QUERY_EXCEPTION.equals(e.errorCode())) {
      return legacyQueryBody(e);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "druidException");
    body.put("errorCode", e.errorCode());
    body.put("persona", e.persona().name());
    body.put("category", e.category().name());
    body.put("errorMessage", e.getMessage());
    body.put("context", e.context());
    body.put("errorClass", DruidException.class.getName());
    body.put("host", null);
    return body;
  }

  /**
   * Druid's Broker shape for a legacy query error ({@link DruidException#legacyQuery}), in its key
   * order: {@code error} (the legacy code, e.g. {@code "Query timeout"}), {@code errorClass},
   * {@code host}, {@code errorCode}, {@code persona}, {@code category}, {@code errorMessage},
   * {@code context}.
   */
  private static Map<String, Object> legacyQueryBody(DruidException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", e.context().get("legacyErrorCode"));
    body.put("errorClass", e.context().get("errorClass"));
    body.put("host", e.context().get("host"));
    body.put("errorCode", e.errorCode());
    body.put("persona", e.persona().name());
    body.put("category", e.category().name());
    body.put("errorMessage", e.getMessage());
    body.put("context", e.context());
    return body;
  }

  public static Response full(DruidException e) {
    return Response.status(e.httpStatus()).type(MediaType.APPLICATION_JSON_TYPE).entity(fullBody(e)).build();
  }
}
