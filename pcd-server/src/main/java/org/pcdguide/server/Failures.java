package org.pcdguide.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;

/**
 * What the server answers when a request fails inside it, and what it logs. A full or unreachable
 * audit store is a 503 (the call is not answered, since it could not be recorded); a body that did
 * not arrive in time is a 408; anything else is a 500. Every 5xx is logged (logger {@code
 * org.pcdguide.server}) with a correlation id that the problem body carries as {@code
 * correlationId}, and no message of the failing library reaches the client.
 */
final class Failures {
  static final System.Logger LOG = System.getLogger("org.pcdguide.server");

  private Failures() {}

  /** The kind of failure an exception (or any of its causes) is. */
  enum Kind {
    STORE_FULL,
    STORE_UNREACHABLE,
    TIMEOUT,
    INTERNAL
  }

  static void answer(Throwable e, Context ctx) {
    Kind kind = kind(e);
    if (kind == Kind.TIMEOUT) {
      Problems.send(ctx, 408, "Request timeout", "The request body did not arrive in time");
      ctx.header("Connection", "close");
      return;
    }
    String id = UUID.randomUUID().toString();
    int status = kind == Kind.INTERNAL ? 500 : 503;
    LOG.log(
        System.Logger.Level.ERROR,
        "pcd: "
            + status
            + " "
            + kind
            + " correlationId="
            + id
            + " on "
            + ctx.method()
            + " "
            + ctx.path(),
        e);
    String detail =
        switch (kind) {
          case STORE_FULL ->
              "The audit log's storage is full: the call was not recorded, so it is not answered."
                  + " Try again later; the operator has been told (correlation id "
                  + id
                  + ")";
          case STORE_UNREACHABLE ->
              "The audit log cannot be reached: the call was not recorded, so it is not answered."
                  + " Try again later (correlation id "
                  + id
                  + ")";
          default ->
              "The server could not complete the request; the operator can find it in the log by"
                  + " its correlation id "
                  + id;
        };
    String title = status == 500 ? "Internal error" : "Service unavailable";
    if (status == 503) {
      ctx.header("Retry-After", "60");
    }
    ObjectNode body = Problems.body(status, title, detail, ctx.path());
    body.putArray("errors");
    body.put("correlationId", id);
    ctx.status(status).contentType("application/problem+json").result(body.toString());
  }

  static Kind kind(Throwable e) {
    int depth = 0;
    for (Throwable t = e; t != null && depth < 32; t = t.getCause(), depth++) {
      if (t instanceof SQLException s) {
        String state = Optional.ofNullable(s.getSQLState()).orElse("");
        if ((s.getErrorCode() == 13 && String.valueOf(s.getMessage()).contains("SQLITE_FULL"))
            || state.equals("53100")) {
          return Kind.STORE_FULL;
        }
        if (state.startsWith("08")) {
          return Kind.STORE_UNREACHABLE;
        }
      }
      if (t instanceof IOException
          && String.valueOf(t.getMessage()).contains("No space left on device")) {
        return Kind.STORE_FULL;
      }
      if (t instanceof TimeoutException || (t instanceof HttpException h && h.getCode() == 408)) {
        return Kind.TIMEOUT;
      }
    }
    return Kind.INTERNAL;
  }
}
