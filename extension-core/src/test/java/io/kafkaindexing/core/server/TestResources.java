package io.kafkaindexing.core.server;

import com.google.inject.Binder;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.guice.DruidModule;
import io.kafkaindexing.core.guice.Jerseys;
import io.kafkaindexing.core.guice.NodeRole;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Resources for the HTTP server test, one per role, bound the way extensions bind theirs. */
public final class TestResources implements DruidModule {
  @Override
  public void configure(Binder binder) {
    Jerseys.addResource(binder, NodeRole.OVERLORD, OverlordResource.class);
    Jerseys.addResource(binder, NodeRole.BROKER, BrokerResource.class);
  }

  static Map<String, Object> hello(String who) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("hello", who);
    m.put("nested", Map.of("a", 1));
    return m;
  }

  static Object fail(String kind) {
    switch (kind) {
      case "invalid":
        throw DruidException.invalidInput("Field[x] is wrong");
      case "missing":
        throw DruidException.notFound("[%s] does not exist", "nope");
      case "legacy":
        throw DruidException.legacyQuery("Query timeout", DruidException.Category.TIMEOUT,
            "org.apache.druid.query.QueryTimeoutException", null, "Query did not complete", null);
      default:
        throw new IllegalStateException("secret internal detail");
    }
  }

  /** Bound to the Overlord port only. */
  @Path("/test/overlord")
  @Produces(MediaType.APPLICATION_JSON)
  public static final class OverlordResource {
    @GET
    @Path("/hello")
    public Map<String, Object> hello() {
      return TestResources.hello("overlord");
    }

    @GET
    @Path("/fail/{kind}")
    public Object fail(@PathParam("kind") String kind) {
      return TestResources.fail(kind);
    }

    @POST
    @Path("/echo")
    @jakarta.ws.rs.Consumes(MediaType.WILDCARD)
    public Map<String, Object> echo(byte[] body) {
      return Map.of("bytes", body.length);
    }
  }

  /** Bound to the Broker port only. */
  @Path("/test/broker")
  @Produces(MediaType.APPLICATION_JSON)
  public static final class BrokerResource {
    @GET
    @Path("/hello")
    public Map<String, Object> hello() {
      return TestResources.hello("broker");
    }

    @GET
    @Path("/fail/{kind}")
    public Object fail(@PathParam("kind") String kind) {
      return TestResources.fail(kind);
    }
  }
}
