package io.kafkaindexing.core.security.basic;

import io.kafkaindexing.core.security.Action;
import io.kafkaindexing.core.security.Authorizations;
import io.kafkaindexing.core.security.Resource;
import io.kafkaindexing.core.security.ResourceAction;
import jakarta.servlet.http.HttpServletRequest;

/** The permission every basic-security management endpoint needs: CONFIG {@code security}. Stateless. */
final class BasicSecurityChecks {
  private BasicSecurityChecks() {}

  /** READ for GET, WRITE otherwise; 403 when missing. */
  static void check(HttpServletRequest req) {
    Authorizations.require(req, new ResourceAction(Resource.SECURITY,
        req == null ? Action.READ : Action.forMethod(req.getMethod())));
  }
}
