package io.kafkaindexing.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.error.ErrorResponses;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.segment.read.Segment;
import io.kafkaindexing.segment.read.SegmentParts;
import io.kafkaindexing.segment.read.SegmentView;
import io.kafkaindexing.core.security.Authorizations;
import io.kafkaindexing.core.security.ResourceAction;
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
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Broker's native query API: {@code POST /druid/v2} (and {@code /druid/v2/}; {@code ?pretty}
 * indents), {@code GET /druid/v2/datasources}, {@code GET /druid/v2/datasources/{name}} and
 * {@code DELETE /druid/v2/{queryId}}. The response carries the query id in
 * {@code X-Druid-Query-Id} (the context's {@code queryId}, or a new UUID).
 *
 * <p>Errors use Druid's Broker error JSON. A body that is not valid JSON gets Druid's legacy
 * {@code "Json parse failed"} (400) with the line and column; a well-formed but invalid query gets
 * 400 {@code invalidInput} naming the field (Druid answers 500 there, hiding the reason); a timeout
 * 504 {@code "Query timeout"}; a cancelled query 500 {@code "Query cancelled"}.
 *
 * <p>Permissions as in Druid: a query needs DATASOURCE READ on its data source, the data source list
 * shows only readable data sources, cancelling needs WRITE on the running query's data source.
 * Thread-safe.
 */
@Path("/druid/v2")
public final class QueryResource {
  public static final String QUERY_ID_HEADER = "X-Druid-Query-Id";
  private static final Logger log = LoggerFactory.getLogger(QueryResource.class);

  private final ObjectMapper mapper;
  private final QueryExecutor executor;
  private final SegmentRegistry registry;

  @Inject
  public QueryResource(ObjectMapper mapper, QueryExecutor executor, SegmentRegistry registry) {
    this.mapper = mapper;
    this.executor = executor;
    this.registry = registry;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response query(byte[] body, @Context HttpServletRequest req) {
    String queryId = null;
    try {
      Query query = readQuery(body);
      Authorizations.require(req, ResourceAction.readDataSource(query.getDataSource().getName()));
      queryId = query.getId() != null ? query.getId() : UUID.randomUUID().toString();
      query = query.withId(queryId);
      List<?> results = executor.run(query);
      return Response.ok(results, MediaType.APPLICATION_JSON_TYPE).header(QUERY_ID_HEADER, queryId).build();
    } catch (DruidException e) {
      if (e.httpStatus() >= 500) {
        log.warn("Query[{}] failed: {}", queryId, e.getMessage());
      } else {
        log.debug("Query[{}] refused: {}", queryId, e.getMessage());
      }
      return withQueryId(ErrorResponses.full(e), queryId);
    } catch (RuntimeException e) {
      log.error("Query[{}] failed", queryId, e);
      DruidException wrapped = DruidException.legacyQuery(QueryErrors.UNKNOWN_EXCEPTION,
          DruidException.Category.RUNTIME_FAILURE, e.getClass().getName(), null,
          e.getMessage() == null ? e.getClass().getName() : e.getMessage(), e);
      return withQueryId(ErrorResponses.full(wrapped), queryId);
    }
  }

  /** Dimensions and metrics of every announced segment's data source, sorted. */
  @GET
  @Path("/datasources")
  @Produces(MediaType.APPLICATION_JSON)
  public List<String> dataSources(@Context HttpServletRequest req) {
    return Authorizations.filter(req, registry.getDataSources(), ds -> List.of(ResourceAction.readDataSource(ds)));
  }

  @GET
  @Path("/datasources/{dataSourceName}")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> dataSource(@PathParam("dataSourceName") String dataSource,
      @Context HttpServletRequest req) {
    Authorizations.require(req, ResourceAction.readDataSource(dataSource));
    Set<String> dimensions = new TreeSet<>();
    Set<String> metrics = new TreeSet<>();
    for (Segment segment : registry.getSegments(dataSource).values()) {
      for (Segment part : SegmentParts.of(segment)) {
        try (SegmentView view = part.open()) {
          dimensions.addAll(view.getDimensionNames());
          metrics.addAll(view.getMetricNames());
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dimensions", List.copyOf(dimensions));
    out.put("metrics", List.copyOf(metrics));
    return out;
  }

  /** Cancels a running query; 202 whether or not it was running, as Druid answers. */
  @DELETE
  @Path("/{queryId}")
  public Response cancel(@PathParam("queryId") String queryId, @Context HttpServletRequest req) {
    java.util.Optional<String> dataSource = executor.runningDataSource(queryId);
    if (dataSource.isPresent()) {
      Authorizations.require(req, ResourceAction.writeDataSource(dataSource.get()));
    } else {
      Authorizations.authenticatedOnly(req);
    }
    boolean found = executor.cancel(queryId);
    log.info("Cancel of query[{}] requested; {}", queryId, found ? "cancelling it" : "it is not running");
    return Response.accepted().build();
  }

  private Query readQuery(byte[] body) {
    try {
      return JsonBodies.read(mapper, body, Query.class, "query");
    } catch (DruidException e) {
      if (isNotJson(body)) {
        throw DruidException.legacyQuery(QueryErrors.JSON_PARSE_FAILED, DruidException.Category.INVALID_INPUT,
            QueryErrors.JSON_PARSE_CLASS, null, e.getMessage(), e);
      }
      String queryTypeProblem = queryTypeProblem(body);
      if (queryTypeProblem != null) {
        throw DruidException.invalidInput("%s", queryTypeProblem);
      }
      throw e;
    }
  }

  private boolean isNotJson(byte[] body) {
    try {
      JsonNode tree = mapper.readTree(body);
      return tree == null || tree.isMissingNode();
    } catch (IOException e) {
      return true;
    }
  }

  /** What is wrong with the body's queryType, or null if nothing. */
  private String queryTypeProblem(byte[] body) {
    JsonNode tree;
    try {
      tree = mapper.readTree(body);
    } catch (IOException e) {
      return null;
    }
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

  private static Response withQueryId(Response response, String queryId) {
    return queryId == null ? response : Response.fromResponse(response).header(QUERY_ID_HEADER, queryId).build();
  }
}
