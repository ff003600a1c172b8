package org.pcdguide.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers, made problem bodies like the application's: requests Jetty refuses
 * before any route sees them (an unreadable request line or URI, a URI or headers over the limits,
 * a bad Content-Length, a body too slow or too large). The wording is the server's, per status,
 * never Jetty's message; a 5xx is logged with a correlation id the body carries.
 */
final class JettyProblems extends ErrorHandler {
  private static final HttpField PROBLEM =
      new HttpField(HttpHeader.CONTENT_TYPE, "application/problem+json");
  private final long maxRequestBytes;

  JettyProblems(long maxRequestBytes) {
    this.maxRequestBytes = maxRequestBytes;
  }

  /** An answer to a request line or headers Jetty could not parse (no request exists yet). */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(PROBLEM);
    return ByteBuffer.wrap(json(status, "", null).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected void generateResponse(
      Request request, Response response, int code, String message, Throwable cause, Callback cb) {
    response.getHeaders().put(PROBLEM);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    String path = request.getHttpURI() == null ? "" : request.getHttpURI().getPath();
    response.write(
        true,
        ByteBuffer.wrap(
            json(code, path == null ? "" : path, cause).getBytes(StandardCharsets.UTF_8)),
        cb);
  }

  private String json(int status, String path, Throwable cause) {
    ObjectNode body = Problems.body(status, title(status), detail(status), path);
    body.putArray("errors");
    if (status >= 500) {
      String id = UUID.randomUUID().toString();
      Failures.LOG.log(
          System.Logger.Level.ERROR,
          "pcd: " + status + " (server) correlationId=" + id + " on " + path,
          cause);
      body.put("correlationId", id);
    }
    return body.toString();
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Malformed request";
      case 408 -> "Request timeout";
      case 413 -> "Request too large";
      case 414 -> "URI too long";
      case 431 -> "Request headers too large";
      case 500 -> "Internal error";
      default -> HttpStatus.getMessage(status);
    };
  }

  private String detail(int status) {
    return switch (status) {
      case 400 ->
          "The request is not well-formed HTTP: its request line, URI, headers or Content-Length"
              + " cannot be read";
      case 408 -> "The request did not arrive in time; the connection is closed";
      case 413 -> "The body is larger than the limit of " + maxRequestBytes + " bytes";
      case 414 -> "The request URI is longer than the server accepts";
      case 431 -> "The request headers are larger than the server accepts";
      case 500 -> "The server could not complete the request";
      default -> HttpStatus.getMessage(status);
    };
  }
}
