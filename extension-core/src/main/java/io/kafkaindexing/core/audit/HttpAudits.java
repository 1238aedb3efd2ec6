package io.kafkaindexing.core.audit;

import io.kafkaindexing.core.security.AuthenticationResult;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads the audit fields of a REST call: {@link AuditInfo} from headers {@code X-Druid-Author} and
 * {@code X-Druid-Comment} (empty when absent), the authenticated identity (null when unsecured)
 * and the remote address, {@link RequestInfo} from the
 * method, path and query string. Stateless.
 */
public final class HttpAudits {
  private HttpAudits() {}

  public static AuditInfo auditInfo(HttpServletRequest request) {
    String author = request.getHeader(AuditManager.X_DRUID_AUTHOR);
    String comment = request.getHeader(AuditManager.X_DRUID_COMMENT);
    Object who = request.getAttribute(AuthenticationResult.ATTRIBUTE);
    String identity = who instanceof AuthenticationResult r ? r.identity() : null;
    return new AuditInfo(author == null ? "" : author, identity, comment == null ? "" : comment,
        request.getRemoteAddr());
  }

  public static RequestInfo requestInfo(String service, HttpServletRequest request) {
    return new RequestInfo(service, request.getMethod(), request.getRequestURI(), request.getQueryString());
  }
}
