package io.kafkaindexing.core.security.basic;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.security.ResourceAction;
import io.kafkaindexing.core.security.ServerSecurity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Druid's basic-security authorization API under {@code /druid-ext/basic-security/authorization}:
 * users, roles, role assignments and permissions of a {@code basic} authorizer
 * ({@code /db/{authorizerName}/...}), {@code loadStatus} and {@code refreshAll}. Every endpoint needs
 * CONFIG {@code security}: READ for GET, WRITE otherwise. Errors are 400 {@code {"error": "..."}} in
 * Druid's words. Thread-safe.
 */
@Path("/druid-ext/basic-security/authorization")
@Produces(MediaType.APPLICATION_JSON)
public final class BasicAuthorizationResource {
  private static final TypeReference<List<ResourceAction>> PERMISSIONS = new TypeReference<>() { };

  private final ServerSecurity security;
  private final BasicSecurityStore store;
  private final ObjectMapper mapper;

  @Inject
  public BasicAuthorizationResource(ServerSecurity security, BasicSecurityStore store, ObjectMapper mapper) {
    this.security = security;
    this.store = store;
    this.mapper = mapper;
  }

  @GET
  @Path("/loadStatus")
  public Map<String, Boolean> authorizationLoadStatus(@Context HttpServletRequest req) {
    BasicSecurityChecks.check(req);
    Map<String, Boolean> out = new TreeMap<>();
    security.authorizers().forEach((name, a) -> {
      if (a instanceof BasicAuthorizer) {
        out.put(name, true);
      }
    });
    return out;
  }

  @POST
  @Path("/refreshAll")
  public Response authorizationRefreshAll(@Context HttpServletRequest req) throws SQLException {
    BasicSecurityChecks.check(req);
    for (var a : security.authorizers().values()) {
      if (a instanceof BasicAuthorizer basic) {
        basic.reload();
      }
    }
    return Response.ok().build();
  }

  @GET
  @Path("/db/{authorizerName}/users")
  public List<String> authorizationUsers(@PathParam("authorizerName") String z, @Context HttpServletRequest req)
      throws SQLException {
    BasicSecurityChecks.check(req);
    authorizer(z);
    return List.copyOf(store.authorizationUsers(z).keySet());
  }

  /** {@code {"name", "roles": [names]}}; with {@code ?full} the roles with their permissions. */
  @GET
  @Path("/db/{authorizerName}/users/{userName}")
  public Map<String, Object> authorizationUser(@PathParam("authorizerName") String z,
      @PathParam("userName") String user, @QueryParam("full") String full, @Context HttpServletRequest req)
      throws SQLException {
    BasicSecurityChecks.check(req);
    authorizer(z);
    Set<String> roleNames = store.authorizationUsers(z).get(user);
    if (roleNames == null) {
      throw DruidException.invalidInput("User [%s] does not exist.", user);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", user);
    if (full == null) {
      out.put("roles", List.copyOf(roleNames));
    } else {
      Map<String, List<ResourceAction>> roles = store.roles(z);
      List<Map<String, Object>> fullRoles = new ArrayList<>();
      for (String role : roleNames) {
        fullRoles.add(role(role, roles.getOrDefault(role, List.of()), null));
      }
      out.put("roles", fullRoles);
    }
    return out;
  }

  @POST
  @Path("/db/{authorizerName}/users/{userName}")
  public Response createAuthorizationUser(@PathParam("authorizerName") String z, @PathParam("userName") String user,
      @Context HttpServletRequest req) throws SQLException {
    BasicSecurityChecks.check(req);
    BasicAuthorizer authorizer = authorizer(z);
    if (!store.createAuthorizationUser(z, user)) {
      throw DruidException.invalidInput("User [%s] already exists.", user);
    }
    authorizer.reload();
    return Response.ok().build();
  }

  @DELETE
  @Path("/db/{authorizerName}/users/{userName}")
  public Response deleteAuthorizationUser(@PathParam("authorizerName") String z, @PathParam("userName") String user,
      @Context HttpServletRequest req) throws SQLException {
    BasicSecurityChecks.check(req);
    BasicAuthorizer authorizer = authorizer(z);
    if (!store.deleteAuthorizationUser(z, user)) {
      throw DruidException.invalidInput("User [%s] does not exist.", user);
    }
    authorizer.reload();
    return Response.ok().build();
  }

  @GET
  @Path("/db/{authorizerName}/roles")
  public List<String> roles(@PathParam("authorizerName") String z, @Context HttpServletRequest req)
      throws SQLException {
    BasicSecurityChecks.check(req);
    authorizer(z);
    return List.copyOf(store.roles(z).keySet());
  }

  /** {@code {"name", "permissions"}}; with {@code ?full} also the users holding the role. */
  @GET
  @Path("/db/{authorizerName}/roles/{roleName}")
  public Map<String, Object> role(@PathParam("authorizerName") String z, @PathParam("roleName") String role,
      @QueryParam("full") String full, @Context HttpServletRequest req) throws SQLException {
    BasicSecurityChecks.check(req);
    authorizer(z);
    List<ResourceAction> permissions = existingRole(z, role);
    List<String> users = null;
    if (full != null) {
      users = new ArrayList<>();
      for (Map.Entry<String, Set<String>> e : store.authorizationUsers(z).entrySet()) {
        if (e.getValue().contains(role)) {
          users.add(e.getKey());
        }
      }
    }
    return role(role, permissions, users);
  }

  @GET
  @Path("/db/{authorizerName}/roles/{roleName}/permissions")
  public List<Map<String, Object>> rolePermissions(@PathParam("authorizerName") String z,
      @PathParam("roleName") String role, @Context HttpServletRequest req) throws SQLException {
    BasicSecurityChecks.check(req);
    authorizer(z);
    return permissions(existingRole(z, role));
  }

  @POST
  @Path("/db/{authorizerName}/roles/{roleName}")
  public Response createRole(@PathParam("authorizerName") String z, @PathParam("roleName") String role,
      @Context HttpServletRequest req) throws SQLException {
    BasicSecurityChecks.check(req);
    BasicAuthorizer authorizer = authorizer(z);
    if (!store.createRole(z, role, List.of())) {
      throw DruidException.invalidInput("Role [%s] already exists.", role);
    }
    authorizer.reload();
    return Response.ok().build();
  }

  @DELETE
  @Path("/db/{authorizerName}/roles/{roleName}")
  public Response deleteRole(@PathParam("authorizerName") String z, @PathParam("roleName") String role,
      @Context HttpServletRequest req) throws SQLException {
    BasicSecurityChecks.check(req);
    BasicAuthorizer authorizer = authorizer(z);
    if (!store.deleteRole(z, role)) {
      throw DruidException.invalidInput("Role [%s] does not exist.", role);
    }
    authorizer.reload();
    return Response.ok().build();
  }

  /** Replaces a role's permissions with the body, a JSON array of {@code {"resource": {...}, "action": ...}}. */
  @POST
  @Path("/db/{authorizerName}/roles/{roleName}/permissions")
  @Consumes(MediaType.WILDCARD)
  public Response setPermissions(@PathParam("authorizerName") String z, @PathParam("roleName") String role,
      byte[] body, @Context HttpServletRequest req) throws SQLException {
    BasicSecurityChecks.check(req);
    BasicAuthorizer authorizer = authorizer(z);
    List<ResourceAction> permissions = readPermissions(body);
    if (!store.setPermissions(z, role, permissions)) {
      throw DruidException.invalidInput("Role [%s] does not exist.", role);
    }
    authorizer.reload();
    return Response.ok().build();
  }

  @POST
  @Path("/db/{authorizerName}/users/{userName}/roles/{roleName}")
  public Response assignRole(@PathParam("authorizerName") String z, @PathParam("userName") String user,
      @PathParam("roleName") String role, @Context HttpServletRequest req) throws SQLException {
    BasicSecurityChecks.check(req);
    BasicAuthorizer authorizer = authorizer(z);
    requireUserAndRole(z, user, role);
    if (!store.assignRole(z, user, role)) {
      throw DruidException.invalidInput("User [%s] already has role [%s].", user, role);
    }
    authorizer.reload();
    return Response.ok().build();
  }

  @DELETE
  @Path("/db/{authorizerName}/users/{userName}/roles/{roleName}")
  public Response unassignRole(@PathParam("authorizerName") String z, @PathParam("userName") String user,
      @PathParam("roleName") String role, @Context HttpServletRequest req) throws SQLException {
    BasicSecurityChecks.check(req);
    BasicAuthorizer authorizer = authorizer(z);
    requireUserAndRole(z, user, role);
    if (!store.unassignRole(z, user, role)) {
      throw DruidException.invalidInput("User [%s] does not have role [%s].", user, role);
    }
    authorizer.reload();
    return Response.ok().build();
  }

  private BasicAuthorizer authorizer(String name) {
    if (security.authorizer(name) instanceof BasicAuthorizer basic) {
      return basic;
    }
    throw DruidException.invalidInput("Basic authorizer with name [%s] does not exist.", name);
  }

  private List<ResourceAction> existingRole(String z, String role) throws SQLException {
    List<ResourceAction> permissions = store.roles(z).get(role);
    if (permissions == null) {
      throw DruidException.invalidInput("Role [%s] does not exist.", role);
    }
    return permissions;
  }

  private void requireUserAndRole(String z, String user, String role) throws SQLException {
    if (!store.authorizationUsers(z).containsKey(user)) {
      throw DruidException.invalidInput("User [%s] does not exist.", user);
    }
    existingRole(z, role);
  }

  private List<ResourceAction> readPermissions(byte[] body) {
    List<ResourceAction> permissions;
    try {
      permissions = mapper.readValue(body, PERMISSIONS);
    } catch (IOException e) {
      throw DruidException.invalidInput("Permissions must be a JSON array of {\"resource\": {\"name\", \"type\"},"
          + " \"action\"}: %s", firstLine(String.valueOf(e.getMessage())));
    }
    if (permissions == null) {
      throw DruidException.invalidInput("Permissions must be a JSON array");
    }
    for (int i = 0; i < permissions.size(); i++) {
      ResourceAction p = permissions.get(i);
      if (p == null) {
        throw DruidException.invalidInput("Permission[%d] must not be null", i);
      }
      try {
        Pattern.compile(p.resource().name());
      } catch (PatternSyntaxException e) {
        throw DruidException.invalidInput("Field[resource.name] of permission[%d] is not a valid regular"
            + " expression: %s", i, e.getDescription());
      }
    }
    return permissions;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static Map<String, Object> role(String name, List<ResourceAction> permissions, List<String> users) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    if (users != null) {
      out.put("users", users);
    }
    out.put("permissions", permissions(permissions));
    return out;
  }

  /** Druid's permission shape: {@code {"resourceAction": {...}, "resourceNamePattern": "..."}}. */
  private static List<Map<String, Object>> permissions(List<ResourceAction> permissions) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ResourceAction p : permissions) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("resourceAction", p);
      m.put("resourceNamePattern", p.resource().name());
      out.add(m);
    }
    return out;
  }
}
