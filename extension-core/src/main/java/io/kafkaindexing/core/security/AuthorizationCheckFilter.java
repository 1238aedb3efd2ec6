package io.kafkaindexing.core.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A safety net after every resource method (Druid's pre-response authorization check): a successful
 * response to a request on which no authorization check ran is replaced by 403 when security is
 * configured, so an endpoint that forgot its check fails closed. With the default allow-all
 * configuration the omission is only logged, once per path. Thread-safe.
 */
public final class AuthorizationCheckFilter implements ContainerResponseFilter {
  private static final Logger log = LoggerFactory.getLogger(AuthorizationCheckFilter.class);

  private final boolean enforcing;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  public AuthorizationCheckFilter(boolean enforcing) {
    this.enforcing = enforcing;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    if (status < 200 || status >= 300 || request.getProperty(Authorizations.CHECKED) != null) {
      return;
    }
    String path = request.getUriInfo().getPath();
    if (reported.add(request.getMethod() + " " + path)) {
      log.error("Request[{} /{}] did not have an authorization check performed{}", request.getMethod(), path,
          enforcing ? "; answering 403" : "");
    }
    if (enforcing) {
      response.setStatus(403);
      response.setEntity(Map.of("error", Access.DEFAULT_DENIED_MESSAGE), new java.lang.annotation.Annotation[0],
          jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE);
    }
  }
}
