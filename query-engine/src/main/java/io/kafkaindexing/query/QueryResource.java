package io.kafkaindexing.query;

import com.google.inject.Inject;
import io.kafkaindexing.segment.read.Segment;
import io.kafkaindexing.segment.read.SegmentClosedException;
import io.kafkaindexing.segment.read.SegmentParts;
import io.kafkaindexing.segment.read.SegmentView;
import io.kafkaindexing.core.security.Authorizations;
import io.kafkaindexing.core.security.ResourceAction;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Broker's native query API apart from the queries themselves ({@link QueryServlet} serves
 * {@code POST /druid/v2}): {@code GET /druid/v2/datasources}, {@code GET /druid/v2/datasources/{name}}
 * and {@code DELETE /druid/v2/{queryId}}.
 *
 * <p>Permissions as in Druid: the data source list
 * shows only readable data sources, cancelling needs WRITE on the running query's data source.
 * Thread-safe.
 */
@Path("/druid/v2")
public final class QueryResource {
  public static final String QUERY_ID_HEADER = "X-Druid-Query-Id";
  private static final Logger log = LoggerFactory.getLogger(QueryResource.class);

  private final QueryExecutor executor;
  private final SegmentRegistry registry;

  @Inject
  public QueryResource(QueryExecutor executor, SegmentRegistry registry) {
    this.executor = executor;
    this.registry = registry;
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
        } catch (SegmentClosedException e) {
          // a task's part released after handoff: its columns are in the handed-off segment,
          // which was announced before the part was closed
          return dataSource(dataSource, req);
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
}
