package org.pcdguide.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * The CDS Hooks discovery document ({@code GET /cds-services}): the services and their prefetch.
 */
final class CdsDiscovery {
  private CdsDiscovery() {}

  static void answer(Context ctx) {
    ObjectNode body = Problems.JSON.createObjectNode();
    ArrayNode services = body.putArray("services");
    for (String id : List.of("pcd-patient-view", "pcd-order-select", "pcd-order-sign")) {
      ObjectNode s = services.addObject();
      s.put("hook", CdsHooks.SERVICES.get(id));
      s.put("id", id);
      s.put("title", "PCD Guide " + CdsHooks.SERVICES.get(id));
      s.put(
          "description",
          id.equals("pcd-patient-view")
              ? "Plasma cell disorders: headline recommendation, adverse factors and the missing data that would change the plan"
              : "Plasma cell disorders: flags draft orders that are agents to avoid for this patient");
      ObjectNode prefetch = s.putObject("prefetch");
      CdsHooks.PREFETCH.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> prefetch.put(e.getKey(), e.getValue()));
    }
    ctx.contentType("application/json").result(body.toString());
  }
}
