package io.kafkaindexing.core.security.basic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.core.security.ServerSecurity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Druid's basic-security authentication API under {@code /druid-ext/basic-security/authentication}:
 * users and credentials of a {@code basic} authenticator ({@code /db/{authenticatorName}/users...}),
 * {@code loadStatus} and {@code refreshAll}. Every endpoint needs CONFIG {@code security}: READ for
 * GET, WRITE otherwise. Errors are 400 {@code {"error": "..."}} in Druid's words. Passwords are never
 * answered. Thread-safe.
 */
@Path("/druid-ext/basic-security/authentication")
@Produces(MediaType.APPLICATION_JSON)
public final class BasicAuthenticationResource {
  private final ServerSecurity security;
  private final BasicSecurityStore store;
  private final PasswordHasher hasher;
  private final ObjectMapper mapper;

  @Inject
  public BasicAuthenticationResource(ServerSecurity security, BasicSecurityStore store, PasswordHasher hasher,
      ObjectMapper mapper) {
    this.security = security;
    this.store = store;
    this.hasher = hasher;
    this.mapper = mapper;
  }

  @GET
  @Path("/loadStatus")
  public Map<String, Boolean> authenticationLoadStatus(@Context HttpServletRequest req) {
    BasicSecurityChecks.check(req);
    Map<String, Boolean> out = new TreeMap<>();
    security.chain().stream().filter(a -> a instanceof BasicAuthenticator).forEach(a -> out.put(a.name(), true));
    return out;
  }

  @POST
  @Path("/refreshAll")
  public Response authenticationRefreshAll(@Context HttpServletRequest req) throws SQLException {
    BasicSecurityChecks.check(req);
    for (var a : security.chain()) {
      if (a instanceof BasicAuthenticator basic) {
        basic.reload();
      }
    }
    return Response.ok().build();
  }

  @GET
  @Path("/db/{authenticatorName}/users")
  public List<String> authenticationUsers(@PathParam("authenticatorName") String a, @Context HttpServletRequest req)
      throws SQLException {
    BasicSecurityChecks.check(req);
    authenticator(a);
    return List.copyOf(store.authenticationUsers(a).keySet());
  }

  @GET
  @Path("/db/{authenticatorName}/users/{userName}")
  public Map<String, Object> authenticationUser(@PathParam("authenticatorName") String a,
      @PathParam("userName") String user, @Context HttpServletRequest req) throws SQLException {
    BasicSecurityChecks.check(req);
    authenticator(a);
    Map<String, Credentials> users = store.authenticationUsers(a);
    if (!users.containsKey(user)) {
      throw DruidException.invalidInput("User [%s] does not exist.", user);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", user);
    out.put("credentials", users.get(user));
    return out;
  }

  @POST
  @Path("/db/{authenticatorName}/users/{userName}")
  public Response createAuthenticationUser(@PathParam("authenticatorName") String a,
      @PathParam("userName") String user, @Context HttpServletRequest req) throws SQLException {
    BasicSecurityChecks.check(req);
    BasicAuthenticator authenticator = authenticator(a);
    if (!store.createAuthenticationUser(a, user)) {
      throw DruidException.invalidInput("User [%s] already exists.", user);
    }
    authenticator.reload();
    return Response.ok().build();
  }

  @DELETE
  @Path("/db/{authenticatorName}/users/{userName}")
  public Response deleteAuthenticationUser(@PathParam("authenticatorName") String a,
      @PathParam("userName") String user, @Context HttpServletRequest req) throws SQLException {
    BasicSecurityChecks.check(req);
    BasicAuthenticator authenticator = authenticator(a);
    if (!store.deleteAuthenticationUser(a, user)) {
      throw DruidException.invalidInput("User [%s] does not exist.", user);
    }
    authenticator.reload();
    return Response.ok().build();
  }

  /** Body {@code {"password": "..."}}: stores a new salted hash of the password. */
  @POST
  @Path("/db/{authenticatorName}/users/{userName}/credentials")
  @Consumes(MediaType.WILDCARD)
  public Response setCredentials(@PathParam("authenticatorName") String a, @PathParam("userName") String user,
      byte[] body, @Context HttpServletRequest req) throws SQLException {
    BasicSecurityChecks.check(req);
    BasicAuthenticator authenticator = authenticator(a);
    JsonNode update = JsonBodies.read(mapper, body, JsonNode.class, "credentials update");
    JsonNode password = update == null ? null : update.get("password");
    if (password == null || !password.isTextual() || password.asText().isEmpty()) {
      throw DruidException.invalidInput("Field[password] is required and must be a non-empty string");
    }
    if (!store.setCredentials(a, user, hasher.create(password.asText().toCharArray(), authenticator.iterations()))) {
      throw DruidException.invalidInput("User [%s] does not exist.", user);
    }
    authenticator.reload();
    return Response.ok().build();
  }

  private BasicAuthenticator authenticator(String name) {
    for (var a : security.chain()) {
      if (a instanceof BasicAuthenticator basic && a.name().equals(name)) {
        return basic;
      }
    }
    throw DruidException.invalidInput("Basic authenticator with name [%s] does not exist.", name);
  }
}
