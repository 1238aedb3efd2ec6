package io.kafkaindexing.core.guice;

import jakarta.servlet.http.HttpServlet;
import java.util.List;

/**
 * A plain servlet served on one role's port at {@code pathSpecs} (servlet mapping syntax; an exact
 * path wins over the Jersey application's {@code /*}, and {@code /a} does not match {@code /a/}). For the few endpoints whose per-request cost
 * matters (the Broker's native query endpoint); everything else is a Jersey resource.
 */
public record ServletBinding(NodeRole role, Class<? extends HttpServlet> servletClass, List<String> pathSpecs) {
}
