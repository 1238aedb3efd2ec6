package io.kafkaindexing.supervisor.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.security.Action;
import io.kafkaindexing.core.security.Authorizations;
import io.kafkaindexing.core.security.Resource;
import io.kafkaindexing.core.security.ResourceAction;
import io.kafkaindexing.core.security.password.SecretMasker;
import io.kafkaindexing.core.security.password.Secrets;
import io.kafkaindexing.supervisor.SupervisorManager;
import io.kafkaindexing.supervisor.spec.SupervisorSpec;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The permission checks of the supervisor API, as Druid documents them: a spec's data sources
 * decide (DATASOURCE READ for GET, WRITE for POST on {@code /supervisor/{id}/...}; WRITE to POST a
 * spec); the list and the {@code *All} actions cover only the supervisors the caller may WRITE; the
 * history only the versions the caller may READ. An unknown id is not checked, so the endpoint
 * answers its 404. Stateless.
 */
final class SupervisorAccess {
  private SupervisorAccess() {}

  /** Checks the request's action on supervisor {@code id}'s data sources, if the supervisor exists. */
  static void check(HttpServletRequest request, SupervisorManager manager, String id) {
    Optional<SupervisorManager.Entry> entry = manager.get(id);
    if (entry.isEmpty()) {
      Authorizations.authenticatedOnly(request);
      return;
    }
    Action action = request == null ? Action.READ : Action.forMethod(request.getMethod());
    Authorizations.require(request, actions(entry.get().spec(), action));
  }

  /** Checks DATASOURCE WRITE on every data source of a spec about to be created or updated. */
  static void checkPost(HttpServletRequest request, SupervisorSpec spec) {
    if (spec.getDataSources() == null || spec.getDataSources().isEmpty()) {
      throw DruidException.invalidInput("No dataSources found to perform authorization checks");
    }
    Authorizations.require(request, actions(spec, Action.WRITE));
  }

  /**
   * A spec as read back from the API carries {@code <masked>} for its secrets; posting it again
   * keeps the stored secrets instead of storing the mask.
   */
  static SupervisorSpec keepMaskedSecrets(ObjectMapper mapper, SupervisorSpec spec, SupervisorManager manager) {
    JsonNode submitted = mapper.valueToTree(spec);
    if (!submitted.toString().contains(Secrets.MASK)) {
      return spec;
    }
    JsonNode stored = manager.get(spec.getId()).<JsonNode>map(e -> mapper.valueToTree(e.spec())).orElse(null);
    try {
      return mapper.treeToValue(SecretMasker.restore(submitted, stored), SupervisorSpec.class);
    } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw DruidException.invalidInput("%s", e.getMessage());
    }
  }

  /** The supervisors the caller may WRITE, in the manager's order. */
  static List<SupervisorManager.Entry> writable(HttpServletRequest request, SupervisorManager manager) {
    return Authorizations.filter(request, manager.entries(), e -> actions(e.spec(), Action.WRITE));
  }

  /** The versions the caller may READ; supervisors with none left are dropped. */
  static Map<String, List<SupervisorManager.Version>> readable(HttpServletRequest request,
      Map<String, List<SupervisorManager.Version>> history) {
    Map<String, List<SupervisorManager.Version>> out = new LinkedHashMap<>();
    history.forEach((id, versions) -> {
      List<SupervisorManager.Version> allowed = readable(request, versions);
      if (!allowed.isEmpty()) {
        out.put(id, allowed);
      }
    });
    Authorizations.authenticatedOnly(request);
    return out;
  }

  static List<SupervisorManager.Version> readable(HttpServletRequest request, List<SupervisorManager.Version> versions) {
    return Authorizations.filter(request, versions, v -> actions(v.spec(), Action.READ));
  }

  private static List<ResourceAction> actions(SupervisorSpec spec, Action action) {
    List<ResourceAction> out = new ArrayList<>();
    for (String dataSource : spec.getDataSources()) {
      out.add(new ResourceAction(Resource.dataSource(dataSource), action));
    }
    return out;
  }
}
