package org.pcdguide.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import org.pcdguide.core.cases.Problem;

/** RFC 9457 problem details ({@code application/problem+json}) that name every invalid field. */
final class Problems {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TYPE = "https://fhir.pcdguide.org/problems/";

  private Problems() {}

  static void send(Context ctx, int status, String title, String detail) {
    send(ctx, status, title, detail, List.of());
  }

  static void send(Context ctx, int status, String title, String detail, List<Problem> errors) {
    ObjectNode body = body(status, title, detail, ctx.path());
    ArrayNode list = body.putArray("errors");
    for (Problem p : errors) {
      list.addObject().put("path", p.path()).put("detail", p.message());
    }
    ctx.status(status).contentType("application/problem+json").result(body.toString());
  }

  /**
   * A problem body without its {@code errors} list; {@code instance} is the request's path (empty
   * when the request line itself could not be read).
   */
  static ObjectNode body(int status, String title, String detail, String instance) {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", TYPE + slug(title));
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail == null ? title : detail);
    body.put("instance", instance);
    return body;
  }

  private static String slug(String title) {
    return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
