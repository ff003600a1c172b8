package org.pcdguide.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * How the audit log keeps a CDS Hooks call (ADR 0016): the request body exactly as the EHR sent it,
 * after one line naming what the server added (service, base URL, date, and the instant its cards'
 * uuids carry), Zstandard-compressed and base64url-encoded behind a {@code zstd:} prefix. The body
 * is never serialized again; replay reads the resources and draft orders from it as the service
 * did. A call whose patient data the server fetched from a FHIR server is kept in the earlier form
 * ({@link CdsCall#encoded()}: the call as JSON, deflated), which holds the fetched resources too;
 * both forms, and plain JSON, are read.
 */
final class RecordedCall {
  /** The media type of a call recorded in this form. */
  static final String TYPE = "application/vnd.pcd.cds-request+json; encoding=zstd-base64url";

  /** What starts a call in this form (a colon is outside the base64url alphabet). */
  static final String PREFIX = "zstd:";

  /** Zstandard's fastest standard level: the call compresses to about a quarter all the same. */
  private static final int LEVEL = 1;

  /** The largest call read back: the server's request limit with room for the header line. */
  private static final long MAX_BYTES = 64L * 1024 * 1024;

  /**
   * Compression contexts, reused: making one allocates its tables natively, which costs more than
   * compressing a call. At most one per concurrent request.
   */
  private static final Queue<ZstdCompressCtx> CONTEXTS = new ConcurrentLinkedQueue<>();

  private RecordedCall() {}

  /** What the audit log keeps of {@code call}, whose request body was {@code body}. */
  static Stored of(CdsCall call, byte[] body, JsonNode request) {
    if (sent(request).resources().size() != call.resources().size()) {
      return new Stored(call.encoded(), CdsCall.RECORDED_TYPE); // with fetched resources
    }
    ObjectNode header = Problems.JSON.createObjectNode();
    header.put("service", call.service()).put("base", call.base());
    header.put("asOf", call.asOf().toString());
    call.issued().ifPresent(t -> header.put("issued", t.toString()));
    byte[] head = (header + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] plain = new byte[head.length + body.length];
    System.arraycopy(head, 0, plain, 0, head.length);
    System.arraycopy(body, 0, plain, head.length, body.length);
    return new Stored(
        PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(compress(plain)), TYPE);
  }

  /** A recorded call's text and its media type, as the audit row holds them. */
  record Stored(String text, String type) {}

  private static byte[] compress(byte[] plain) {
    ZstdCompressCtx z = CONTEXTS.poll();
    if (z == null) {
      z = new ZstdCompressCtx().setLevel(LEVEL).setChecksum(true);
    }
    try {
      return z.compress(plain);
    } finally {
      CONTEXTS.offer(z);
    }
  }

  /** A call recorded in this form ({@link #PREFIX} and what follows). */
  static CdsCall read(String recorded) {
    byte[] plain = decompress(recorded.substring(PREFIX.length()));
    int newline = 0;
    while (newline < plain.length && plain[newline] != '\n') {
      newline++;
    }
    if (newline == plain.length) {
      throw new IllegalArgumentException("not a recorded CDS Hooks call: no header line");
    }
    try {
      JsonNode header = Problems.JSON.readTree(plain, 0, newline);
      JsonNode request = Problems.JSON.readTree(plain, newline + 1, plain.length - newline - 1);
      if (header == null || request == null) {
        throw new IllegalArgumentException("not a recorded CDS Hooks call: empty");
      }
      Sent sent = sent(request);
      return new CdsCall(
          header.path("service").asText(),
          request.path("hookInstance").asText(""),
          header.path("base").asText(),
          LocalDate.parse(header.path("asOf").asText()),
          sent.resources(),
          sent.draftOrders(),
          CdsCall.issued(header));
    } catch (IOException | java.time.DateTimeException e) {
      throw new IllegalArgumentException("not a recorded CDS Hooks call: " + e.getMessage(), e);
    }
  }

  private static byte[] decompress(String encoded) {
    byte[] z;
    try {
      z = Base64.getUrlDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a recorded CDS Hooks call: " + e.getMessage(), e);
    }
    long size = Zstd.getFrameContentSize(z);
    if (size < 0 || size > MAX_BYTES) {
      throw new IllegalArgumentException(
          "not a recorded CDS Hooks call: not a Zstandard frame of a known size under 64 MiB");
    }
    byte[] plain = new byte[(int) size];
    long n;
    try {
      n = Zstd.decompressByteArray(plain, 0, plain.length, z, 0, z.length);
    } catch (com.github.luben.zstd.ZstdException e) {
      throw new IllegalArgumentException("not a recorded CDS Hooks call: " + e.getMessage(), e);
    }
    if (n != size) {
      throw new IllegalArgumentException("not a recorded CDS Hooks call: truncated");
    }
    return plain;
  }

  /** The resources and draft orders a request carries, as the service reads them. */
  record Sent(List<JsonNode> resources, List<JsonNode> draftOrders) {}

  static Sent sent(JsonNode request) {
    List<JsonNode> resources = new ArrayList<>();
    JsonNode prefetch = request.path("prefetch");
    if (prefetch.isObject()) {
      prefetch.fields().forEachRemaining(f -> Prefetch.add(f.getValue(), resources));
    }
    List<JsonNode> drafts = new ArrayList<>();
    request.at("/context/draftOrders/entry").forEach(e -> drafts.add(e.path("resource")));
    drafts.removeIf(r -> !r.isObject());
    return new Sent(resources, drafts);
  }

  /** A recorded call's header line and request body as text (for tests and inspection). */
  static String plain(String recorded) {
    return new String(decompress(recorded.substring(PREFIX.length())), StandardCharsets.UTF_8);
  }
}
