package io.kafkaindexing.supervisor.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import io.kafkaindexing.core.audit.AuditEvent;
import io.kafkaindexing.core.audit.AuditManager;
import io.kafkaindexing.core.audit.HttpAudits;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.core.security.password.SecretMasker;
import io.kafkaindexing.supervisor.SupervisorManager;
import io.kafkaindexing.supervisor.SupervisorStateManager;
import io.kafkaindexing.supervisor.spec.SupervisorSpec;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Druid's supervisor API on the Overlord, {@code /druid/indexer/v1/supervisor}: create or update a
 * supervisor from a spec (audited as type {@code supervisor}, key = the id, with the
 * {@code X-Druid-Author}/{@code X-Druid-Comment} headers, unless {@code skipRestartIfUnmodified}
 * skipped it; other endpoints are not audited, as in Druid), list supervisors, read a spec and a
 * status report. Errors answer
 * {@code {"error": "..."}} (404 {@code "[id] does not exist"}, 400 naming the field at fault).
 * Any request content type is accepted: the body is read as JSON. Every endpoint checks Druid's
 * permissions first ({@link SupervisorAccess}). Thread-safe.
 */
@Path("/druid/indexer/v1/supervisor")
@Produces(MediaType.APPLICATION_JSON)
public final class SupervisorResource {
  private final SupervisorManager manager;
  private final ObjectMapper mapper;
  private final AuditManager audit;

  @Inject
  public SupervisorResource(SupervisorManager manager, ObjectMapper mapper, AuditManager audit) {
    this.manager = manager;
    this.mapper = mapper;
    this.audit = audit;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  public Map<String, String> create(byte[] body, @QueryParam("skipRestartIfUnmodified") boolean skipIfUnmodified,
      @Context HttpServletRequest req) {
    SupervisorSpec spec = JsonBodies.read(mapper, body, SupervisorSpec.class, "supervisor spec");
    SupervisorAccess.checkPost(req, spec);
    spec = SupervisorAccess.keepMaskedSecrets(mapper, spec, manager);
    boolean skipped = skipIfUnmodified && manager.isUnmodified(spec);
    String id = manager.createOrUpdate(spec, skipIfUnmodified);
    if (!skipped) {
      audit.doAudit(new AuditEvent(id, "supervisor", HttpAudits.auditInfo(req), HttpAudits.requestInfo("overlord", req),
          "Update supervisor[" + id + "] for datasource[" + spec.getDataSources() + "]"));
    }
    return Map.of("id", id);
  }

  /**
   * Ids; with {@code ?full} the specs and states; with {@code ?state=true} the states; with
   * {@code ?system} the states plus {@code specString} (the spec as a JSON string), {@code type},
   * {@code source} (the topic) and {@code suspended}, as Druid's system-table view lists them.
   */
  @GET
  public Response list(@QueryParam("full") String full, @QueryParam("state") String state,
      @QueryParam("system") String system, @Context HttpServletRequest req) {
    List<SupervisorManager.Entry> writable = SupervisorAccess.writable(req, manager);
    if (full == null && !"true".equalsIgnoreCase(state) && system == null) {
      return Response.ok(writable.stream().map(e -> e.spec().getId()).toList()).build();
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (SupervisorManager.Entry e : writable) {
      SupervisorStateManager s = e.supervisor().state();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", e.spec().getId());
      m.put("state", s.state().name());
      m.put("detailedState", s.detailedState().name());
      m.put("healthy", s.isHealthy());
      if (full != null) {
        m.put("spec", e.spec());
      }
      if (system != null) {
        m.put("specString", specString(e.spec()));
        m.put("type", e.spec().getType());
        m.put("source", e.spec().getSource());
      }
      m.put("suspended", e.spec().isSuspended());
      out.add(m);
    }
    return Response.ok(out).build();
  }

  private String specString(SupervisorSpec spec) {
    try {
      // A string inside the answer escapes the answer's masking: mask it here.
      return mapper.writeValueAsString(SecretMasker.mask(mapper.valueToTree(spec)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw DruidException.internal(e, "Cannot write the spec of supervisor[%s]: %s", spec.getId(), e.getMessage());
    }
  }

  @GET
  @Path("/{id}")
  public SupervisorSpec spec(@PathParam("id") String id, @Context HttpServletRequest req) {
    SupervisorAccess.check(req, manager, id);
    return entry(id).spec();
  }

  @GET
  @Path("/{id}/status")
  public Object status(@PathParam("id") String id, @Context HttpServletRequest req) {
    SupervisorAccess.check(req, manager, id);
    return entry(id).supervisor().status();
  }

  /** {@code {"healthy": true|false}}: 200 when healthy, 503 when not, as Druid answers. */
  @GET
  @Path("/{id}/health")
  public Response health(@PathParam("id") String id, @Context HttpServletRequest req) {
    SupervisorAccess.check(req, manager, id);
    boolean healthy = manager.get(id)
        .orElseThrow(() -> DruidException.notFound("[%s] does not exist or health check not implemented", id))
        .supervisor().state().isHealthy();
    return Response.status(healthy ? 200 : 503).entity(Map.of("healthy", healthy)).build();
  }

  @POST
  @Path("/{id}/suspend")
  public SupervisorSpec suspend(@PathParam("id") String id, @Context HttpServletRequest req) {
    SupervisorAccess.check(req, manager, id);
    return manager.suspend(id);
  }

  @POST
  @Path("/{id}/resume")
  public SupervisorSpec resume(@PathParam("id") String id, @Context HttpServletRequest req) {
    SupervisorAccess.check(req, manager, id);
    return manager.resume(id);
  }

  @POST
  @Path("/suspendAll")
  public Map<String, String> suspendAll(@Context HttpServletRequest req) {
    for (SupervisorManager.Entry e : SupervisorAccess.writable(req, manager)) {
      if (!e.spec().isSuspended()) {
        manager.suspend(e.spec().getId());
      }
    }
    return Map.of("status", "success");
  }

  @POST
  @Path("/resumeAll")
  public Map<String, String> resumeAll(@Context HttpServletRequest req) {
    for (SupervisorManager.Entry e : SupervisorAccess.writable(req, manager)) {
      if (e.spec().isSuspended()) {
        manager.resume(e.spec().getId());
      }
    }
    return Map.of("status", "success");
  }

  @POST
  @Path("/{id}/terminate")
  public Map<String, String> terminate(@PathParam("id") String id, @Context HttpServletRequest req) {
    SupervisorAccess.check(req, manager, id);
    manager.terminate(id);
    return Map.of("id", id);
  }

  /** Deprecated in Druid in favour of {@code terminate}; same behaviour. */
  @POST
  @Path("/{id}/shutdown")
  public Map<String, String> shutdown(@PathParam("id") String id, @Context HttpServletRequest req) {
    SupervisorAccess.check(req, manager, id);
    return terminate(id, req);
  }

  @POST
  @Path("/terminateAll")
  public Map<String, String> terminateAll(@Context HttpServletRequest req) {
    for (SupervisorManager.Entry e : SupervisorAccess.writable(req, manager)) {
      manager.terminate(e.spec().getId());
    }
    return Map.of("status", "success");
  }

  /** Forgets the committed offsets: reading restarts from the earliest or latest offset. */
  @POST
  @Path("/{id}/reset")
  public Map<String, String> reset(@PathParam("id") String id, @Context HttpServletRequest req) {
    SupervisorAccess.check(req, manager, id);
    manager.reset(id, null);
    return Map.of("id", id);
  }

  /**
   * Sets the committed offsets of some partitions; body
   * {@code {"type":"kafka","partitions":{"type":"end","stream":"metrics","partitionOffsetMap":{"0":100}}}}.
   */
  @POST
  @Path("/{id}/resetOffsets")
  @Consumes(MediaType.WILDCARD)
  public Map<String, String> resetOffsets(@PathParam("id") String id, byte[] body, @Context HttpServletRequest req) {
    SupervisorAccess.check(req, manager, id);
    ResetOffsetsRequest request = JsonBodies.read(mapper, body, ResetOffsetsRequest.class, "reset offsets request");
    manager.reset(id, request.offsets());
    return Map.of("id", id);
  }

  /**
   * Druid's early handoff, body {@code {"taskGroupIds":[0,1]}}: those reading task groups stop
   * reading, publish and hand off at the supervisor's next run (started at once), and new groups
   * continue from their end offsets. Best effort: ids of groups that are not reading are ignored.
   * Answers 200 with an empty body.
   */
  @POST
  @Path("/{id}/taskGroups/handoff")
  @Consumes(MediaType.WILDCARD)
  public Response handoffTaskGroups(@PathParam("id") String id, byte[] body, @Context HttpServletRequest req) {
    SupervisorAccess.check(req, manager, id);
    HandoffTaskGroupsRequest request = JsonBodies.read(mapper, body, HandoffTaskGroupsRequest.class,
        "task group handoff request");
    manager.handoffTaskGroupsEarly(id, request.taskGroupIds());
    return Response.ok().build();
  }

  /** Every version of every supervisor spec, newest first. */
  @GET
  @Path("/history")
  public Map<String, List<SupervisorManager.Version>> history(@Context HttpServletRequest req) {
    return SupervisorAccess.readable(req, manager.history());
  }

  @GET
  @Path("/{id}/history")
  public List<SupervisorManager.Version> history(@PathParam("id") String id, @Context HttpServletRequest req) {
    List<SupervisorManager.Version> versions = SupervisorAccess.readable(req, manager.history(id));
    if (versions.isEmpty()) {
      throw DruidException.notFound("No history for [%s].", id);
    }
    return versions;
  }

  @GET
  @Path("/{id}/stats")
  public Object stats(@PathParam("id") String id, @Context HttpServletRequest req) {
    SupervisorAccess.check(req, manager, id);
    return entry(id).supervisor().stats();
  }

  @GET
  @Path("/{id}/parseErrors")
  public Object parseErrors(@PathParam("id") String id, @Context HttpServletRequest req) {
    SupervisorAccess.check(req, manager, id);
    return entry(id).supervisor().parseErrors();
  }

  private SupervisorManager.Entry entry(String id) {
    return manager.get(id).orElseThrow(() -> DruidException.notFound("[%s] does not exist", id));
  }
}
