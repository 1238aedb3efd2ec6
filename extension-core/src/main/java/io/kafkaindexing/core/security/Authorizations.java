package io.kafkaindexing.core.security;

import io.kafkaindexing.core.error.DruidException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The authorization checks REST resources make, as Druid's {@code AuthorizationUtils}: every call
 * marks the request as checked (attribute {@link #CHECKED}), so the server can tell an endpoint that
 * forgot to check. The caller's identity and authorizer come from the request, where the
 * {@link AuthenticationFilter} put them; a request without them is denied. A null request means a
 * direct Java call, not an HTTP request, and is allowed. Stateless and thread-safe.
 */
public final class Authorizations {
  /** Request attribute set once an authorization check ran, named as in Druid. */
  public static final String CHECKED = "Druid-Authorization-Checked";
  /** Request attribute holding the {@link Authorizer} of the authenticated identity. */
  public static final String AUTHORIZER = "Druid-Authorizer";

  private Authorizations() {}

  /** Checks every action; throws a 403 {@link DruidException} unless all are allowed. */
  public static void require(HttpServletRequest request, Collection<ResourceAction> actions) {
    Access access = authorize(request, actions);
    if (!access.allowed()) {
      throw forbidden(access.message());
    }
  }

  public static void require(HttpServletRequest request, ResourceAction action) {
    require(request, List.of(action));
  }

  /** Whether every action is allowed; the first denial's answer otherwise. */
  public static Access authorize(HttpServletRequest request, Collection<ResourceAction> actions) {
    if (request == null) {
      return Access.OK;
    }
    request.setAttribute(CHECKED, Boolean.TRUE);
    for (ResourceAction action : actions) {
      Access access = check(request, action);
      if (!access.allowed()) {
        return access;
      }
    }
    return Access.OK;
  }

  public static boolean isAllowed(HttpServletRequest request, ResourceAction action) {
    return authorize(request, List.of(action)).allowed();
  }

  /**
   * The items whose actions are all allowed, in order; an item whose generator answers null is
   * left out (it no longer exists).
   */
  public static <T> List<T> filter(HttpServletRequest request, Collection<T> items,
      Function<T, ? extends Collection<ResourceAction>> actionsOf) {
    List<T> out = new ArrayList<>();
    if (request != null) {
      request.setAttribute(CHECKED, Boolean.TRUE);
    }
    for (T item : items) {
      Collection<ResourceAction> actions = actionsOf.apply(item);
      if (actions != null && authorize(request, actions).allowed()) {
        out.add(item);
      }
    }
    return out;
  }

  /** Marks a request as checked without a resource: for endpoints every authenticated caller may use. */
  public static void authenticatedOnly(HttpServletRequest request) {
    if (request != null) {
      request.setAttribute(CHECKED, Boolean.TRUE);
    }
  }

  /** Druid's 403: {@code {"error": "Unauthorized"}} on the Overlord, the full error shape on the Broker. */
  public static DruidException forbidden(String message) {
    return new DruidException(DruidException.Persona.USER, DruidException.Category.FORBIDDEN, "forbidden",
        message == null || message.isEmpty() ? Access.DEFAULT_DENIED_MESSAGE : message, Map.of(), null);
  }

  private static Access check(HttpServletRequest request, ResourceAction action) {
    Object who = request.getAttribute(AuthenticationResult.ATTRIBUTE);
    Object authorizer = request.getAttribute(AUTHORIZER);
    if (!(who instanceof AuthenticationResult result) || !(authorizer instanceof Authorizer a)) {
      return Access.DENIED;
    }
    Access access = a.authorize(result, action.resource(), action.action());
    return access == null ? Access.DENIED : access;
  }
}
