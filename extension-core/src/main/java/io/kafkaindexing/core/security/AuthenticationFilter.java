package io.kafkaindexing.core.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servlet filter in front of every REST API. Unsecured paths ({@code /status/health} and
 * {@code druid.auth.unsecuredPaths}) pass with an allow-all identity. Otherwise the authenticators
 * are asked in chain order: the first that authenticates the caller puts its
 * {@link AuthenticationResult} and the matching {@link Authorizer} on the request; one that rejects
 * the credentials ends the request with 401. When none authenticates, the answer is 401 with one
 * {@code WWW-Authenticate} challenge per authenticator that offers one, and Druid's body
 * {@code {"error":"Unauthorized","errorMessage":null,"errorClass":null,"host":null}}. Thread-safe.
 */
public final class AuthenticationFilter implements Filter {
  private static final Logger log = LoggerFactory.getLogger(AuthenticationFilter.class);
  private static final AuthenticationResult UNSECURED =
      new AuthenticationResult(AuthConfig.ALLOW_ALL, AuthConfig.ALLOW_ALL, null);

  private final ServerSecurity security;
  private final byte[] unauthorizedBody;

  public AuthenticationFilter(ServerSecurity security, ObjectMapper mapper) {
    this.security = security;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "Unauthorized");
    body.put("errorMessage", null);
    body.put("errorClass", null);
    body.put("host", null);
    try {
      this.unauthorizedBody = mapper.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain next) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) resp;
    // A request must not arrive with an identity already attached (Druid's sanity check).
    request.removeAttribute(AuthenticationResult.ATTRIBUTE);
    request.removeAttribute(Authorizations.AUTHORIZER);
    request.removeAttribute(Authorizations.CHECKED);
    String path = request.getRequestURI();
    boolean options = "OPTIONS".equalsIgnoreCase(request.getMethod())
        && security.config().isAllowUnauthenticatedHttpOptions();
    if (options || security.isUnsecured(path)) {
      request.setAttribute(AuthenticationResult.ATTRIBUTE, UNSECURED);
      request.setAttribute(Authorizations.AUTHORIZER, AllowAllAuthorizer.INSTANCE);
      request.setAttribute(Authorizations.CHECKED, Boolean.TRUE);
      next.doFilter(req, resp);
      return;
    }
    for (Authenticator authenticator : security.chain()) {
      Authenticator.Outcome outcome = authenticator.authenticate(request);
      outcome.headers().forEach(h -> response.addHeader(h.getKey(), h.getValue()));
      if (outcome.isRejected()) {
        log.info("Authenticator[{}] refused a request to [{}] from [{}]: {}", authenticator.name(), path,
            request.getRemoteAddr(), outcome.rejection());
        unauthorized(response);
        return;
      }
      if (outcome.isAuthenticated()) {
        AuthenticationResult result = outcome.result();
        Authorizer authorizer = security.authorizer(result.authorizerName());
        if (authorizer == null) {
          log.error("Authenticator[{}] named authorizer[{}], which is not configured in druid.auth.authorizers",
              authenticator.name(), result.authorizerName());
          response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
          return;
        }
        request.setAttribute(AuthenticationResult.ATTRIBUTE, result);
        request.setAttribute(Authorizations.AUTHORIZER, authorizer);
        next.doFilter(req, resp);
        return;
      }
    }
    unauthorized(response);
  }

  private void unauthorized(HttpServletResponse response) throws IOException {
    Set<String> challenges = new LinkedHashSet<>();
    for (Authenticator authenticator : security.chain()) {
      if (authenticator.challenge() != null) {
        challenges.add(authenticator.challenge());
      }
    }
    challenges.forEach(c -> response.addHeader("WWW-Authenticate", c));
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(unauthorizedBody);
  }
}
