package io.kafkaindexing.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.google.inject.Inject;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.error.ErrorResponses;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.core.security.Authorizations;
import io.kafkaindexing.core.security.ResourceAction;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Broker's native query endpoint, {@code POST /druid/v2} and {@code /druid/v2/}
 * ({@code ?pretty} indents), as a plain servlet: the query path is the one whose per-request cost
 * matters, and Jersey's dispatch and per-request injection were about 60% of a trivial query's
 * server CPU (docs/benchmarks.md). Other methods on these paths get 405 with Druid's error JSON, as
 * the Jersey application answered them before. The response carries the query id in
 * {@value QueryResource#QUERY_ID_HEADER} (the context's {@code queryId}, or a new UUID).
 *
 * <p>Errors use Druid's Broker error JSON. A body that is not valid JSON gets Druid's legacy
 * {@code "Json parse failed"} (400) with the line and column; a well-formed but invalid query gets
 * 400 {@code invalidInput} naming the field (Druid answers 500 there, hiding the reason); a timeout
 * 504 {@code "Query timeout"}; a cancelled query 500 {@code "Query cancelled"}. A query needs
 * DATASOURCE READ on its data source, as in Druid. Thread-safe.
 */
public final class QueryServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(QueryServlet.class);

  private final transient ObjectMapper mapper;
  private final transient ObjectWriter compact;
  private final transient ObjectWriter pretty;
  private final transient QueryExecutor executor;

  @Inject
  public QueryServlet(ObjectMapper mapper, QueryExecutor executor) {
    this.mapper = mapper;
    this.executor = executor;
    this.compact = mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    this.pretty = mapper.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!"POST".equals(req.getMethod())) {
      DruidException notAllowed = new DruidException(DruidException.Persona.USER, DruidException.Category.INVALID_INPUT,
          "invalidRequest", "Method Not Allowed", Map.of(), null);
      resp.setHeader("Allow", "POST");
      write(req, resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, ErrorResponses.fullBody(notAllowed), null);
      return;
    }
    byte[] body = req.getInputStream().readAllBytes();
    String queryId = null;
    int status;
    Object entity;
    try {
      Query query = readQuery(body);
      Authorizations.require(req, ResourceAction.readDataSource(query.getDataSource().getName()));
      queryId = query.getId() != null ? query.getId() : UUID.randomUUID().toString();
      List<?> results = executor.run(query.withId(queryId));
      status = HttpServletResponse.SC_OK;
      entity = results;
    } catch (DruidException e) {
      if (e.httpStatus() >= 500) {
        log.warn("Query[{}] failed: {}", queryId, e.getMessage());
      } else {
        log.debug("Query[{}] refused: {}", queryId, e.getMessage());
      }
      status = e.httpStatus();
      entity = ErrorResponses.fullBody(e);
    } catch (RuntimeException e) {
      log.error("Query[{}] failed", queryId, e);
      DruidException wrapped = DruidException.legacyQuery(QueryErrors.UNKNOWN_EXCEPTION,
          DruidException.Category.RUNTIME_FAILURE, e.getClass().getName(), null,
          e.getMessage() == null ? e.getClass().getName() : e.getMessage(), e);
      status = wrapped.httpStatus();
      entity = ErrorResponses.fullBody(wrapped);
    }
    write(req, resp, status, entity, queryId);
  }

  private void write(HttpServletRequest req, HttpServletResponse resp, int status, Object entity, String queryId)
      throws IOException {
    byte[] json = (wantsPretty(req) ? pretty : compact).writeValueAsBytes(entity);
    resp.setStatus(status);
    resp.setContentType("application/json");
    if (queryId != null) {
      resp.setHeader(QueryResource.QUERY_ID_HEADER, queryId);
    }
    resp.setContentLength(json.length);
    resp.getOutputStream().write(json);
  }

  /** {@code ?pretty} (any value) in the query string; read from the URL only, never from a form body. */
  private static boolean wantsPretty(HttpServletRequest req) {
    String query = req.getQueryString();
    if (query == null) {
      return false;
    }
    for (String part : query.split("&")) {
      int eq = part.indexOf('=');
      if ((eq < 0 ? part : part.substring(0, eq)).equals("pretty")) {
        return true;
      }
    }
    return false;
  }

  private Query readQuery(byte[] body) {
    Query query = readWhole(body);
    if (query != null) {
      return query;
    }
    try {
      return JsonBodies.read(mapper, body, Query.class, "query");
    } catch (DruidException e) {
      JsonNode tree = treeOrNull(body);
      if (tree == null) {
        throw DruidException.legacyQuery(QueryErrors.JSON_PARSE_FAILED, DruidException.Category.INVALID_INPUT,
            QueryErrors.JSON_PARSE_CLASS, null, e.getMessage(), e);
      }
      String queryTypeProblem = queryTypeProblem(tree);
      if (queryTypeProblem != null) {
        throw DruidException.invalidInput("%s", queryTypeProblem);
      }
      throw e;
    }
  }

  /**
   * The query if the body reads as one query and nothing after it, in one pass; else null, and
   * {@link JsonBodies#read} (a syntax pass, then the read) reads it again to say what is wrong. A body
   * that reads here passes that syntax pass too (the read parses every token of the value), so the
   * answer is the same, without parsing a good query twice.
   */
  private Query readWhole(byte[] body) {
    try (JsonParser parser = mapper.getFactory().createParser(body)) {
      Query query = mapper.readValue(parser, Query.class);
      return query != null && parser.nextToken() == null ? query : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The body as a JSON tree, or null if it is not JSON (read once, only after a failed read). */
  private JsonNode treeOrNull(byte[] body) {
    try {
      JsonNode tree = mapper.readTree(body);
      return tree == null || tree.isMissingNode() ? null : tree;
    } catch (IOException e) {
      return null;
    }
  }

  /** What is wrong with the query's queryType, or null if nothing. */
  private static String queryTypeProblem(JsonNode tree) {
    if (!tree.isObject()) {
      return "Expected a JSON object as the query, got " + tree.getNodeType().name().toLowerCase(Locale.ROOT);
    }
    JsonNode type = tree.get("queryType");
    if (type == null || type.isNull()) {
      return "Missing required field[queryType] in the query: expected one of " + QueryJacksonModule.QUERY_TYPES;
    }
    String name = type.asText();
    if (QueryJacksonModule.QUERY_TYPES.stream().anyMatch(t -> t.equalsIgnoreCase(name))) {
      return null;
    }
    return "Unknown queryType[" + name + "]: expected one of " + QueryJacksonModule.QUERY_TYPES;
  }
}
