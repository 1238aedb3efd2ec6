package io.kafkaindexing.core.server;

import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.error.ErrorResponses;
import io.kafkaindexing.core.guice.NodeRole;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps exceptions escaping a resource to Druid's error JSON: the Overlord answers the
 * {@code {"error": ...}} shape, the Broker the full DruidException shape (see {@link ErrorResponses}).
 * Unexpected exceptions become 500 and are logged with their stack; the body carries no stack.
 */
public final class ErrorMappers {
  private static final Logger log = LoggerFactory.getLogger(ErrorMappers.class);

  private ErrorMappers() {}

  static Response toResponse(NodeRole role, Throwable t) {
    if (t instanceof WebApplicationException wae) {
      Response r = wae.getResponse();
      if (r.hasEntity()) {
        return r;
      }
      String message = r.getStatusInfo().getReasonPhrase();
      DruidException de = new DruidException(DruidException.Persona.USER,
          r.getStatus() == 404 ? DruidException.Category.NOT_FOUND : DruidException.Category.INVALID_INPUT,
          r.getStatus() == 404 ? "notFound" : "invalidRequest", message, java.util.Map.of(), t);
      Response body = role == NodeRole.BROKER ? ErrorResponses.full(de) : ErrorResponses.simple(r.getStatus(), message);
      return Response.fromResponse(body).status(r.getStatus()).build();
    }
    DruidException de;
    if (t instanceof DruidException d) {
      de = d;
      if (de.httpStatus() >= 500) {
        log.error("Request failed: {}", de.getMessage(), de);
      }
    } else {
      log.error("Unhandled exception while serving a request", t);
      de = DruidException.internal(t, "Unhandled exception made it to the top: %s", t.getClass().getSimpleName());
    }
    return role == NodeRole.BROKER ? ErrorResponses.full(de) : ErrorResponses.simple(de);
  }

  /** The mapper for one role's server. */
  static ExceptionMapper<Throwable> forRole(NodeRole role) {
    return new RoleMapper(role);
  }

  private static final class RoleMapper implements ExceptionMapper<Throwable> {
    private final NodeRole role;

    RoleMapper(NodeRole role) {
      this.role = role;
    }

    @Override
    public Response toResponse(Throwable exception) {
      return ErrorMappers.toResponse(role, exception);
    }
  }
}
