package io.kafkaindexing.core.server;

import io.kafkaindexing.core.security.Action;
import io.kafkaindexing.core.security.Authorizations;
import io.kafkaindexing.core.security.Resource;
import io.kafkaindexing.core.security.ResourceAction;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Druid's {@code /status} endpoints, served on every port: {@code /status/health} is always served
 * without authentication, {@code /status} needs STATE READ. Stateless.
 */
@Path("/status")
public final class StatusResource {
  /** {@code GET /status/health}: {@code true} while the process is up, as Druid answers. */
  @GET
  @Path("/health")
  @Produces(MediaType.APPLICATION_JSON)
  public boolean health() {
    return true;
  }

  /** {@code GET /status}: version and memory, in the shape of Druid's status object; needs STATE READ. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> status(@Context HttpServletRequest request) {
    Authorizations.require(request, new ResourceAction(Resource.STATE, Action.READ));
    Runtime rt = Runtime.getRuntime();
    Map<String, Object> memory = new LinkedHashMap<>();
    memory.put("maxMemory", rt.maxMemory());
    memory.put("totalMemory", rt.totalMemory());
    memory.put("freeMemory", rt.freeMemory());
    memory.put("usedMemory", rt.totalMemory() - rt.freeMemory());
    Map<String, Object> out = new LinkedHashMap<>();
    String version = StatusResource.class.getPackage().getImplementationVersion();
    out.put("version", version == null ? "dev" : version);
    out.put("modules", java.util.List.of());
    out.put("memory", memory);
    return out;
  }
}
