package org.pcdguide.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CDS Hooks call's patient data: the prefetch the EHR sent, else the prefetch templates fetched
 * from the EHR's FHIR server with the access token it sent, if that server is on this server's
 * list; else the reason there are none (the caller answers 412, as the specification says).
 */
final class Prefetch {
  private final List<String> fhirServers;

  /**
   * Made on the first fetch: building an HTTP client starts its selector thread, about 0.13 s of a
   * cold start that most servers never need (issue 16), as every EHR that prefetches.
   */
  private volatile HttpClient http;

  Prefetch(List<String> fhirServers) {
    this.fhirServers = List.copyOf(fhirServers);
  }

  private HttpClient client() {
    HttpClient h = http;
    if (h == null) {
      synchronized (this) {
        h = http;
        if (h == null) {
          h = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
          http = h;
        }
      }
    }
    return h;
  }

  /**
   * Collects the prefetch resources (whatever the EHR named its keys); without a prefetched
   * Patient, fetches the templates from the EHR's FHIR server with its access token; returns why
   * when neither is possible (the caller answers 412).
   */
  Optional<String> collect(JsonNode request, String patientId, List<JsonNode> entries) {
    JsonNode prefetch = request.path("prefetch");
    List<String> missing = new ArrayList<>(CdsHooks.PREFETCH.keySet().stream().sorted().toList());
    if (prefetch.isObject()) {
      prefetch
          .fields()
          .forEachRemaining(
              f -> {
                add(f.getValue(), entries);
                missing.remove(f.getKey());
              });
    }
    boolean patient = false;
    for (JsonNode e : entries) {
      patient |= "Patient".equals(e.path("resourceType").asText());
    }
    if (patient) {
      // the EHR prefetched the patient: assess with what it sent (what it left out stays unknown)
      return Optional.empty();
    }
    String server = request.path("fhirServer").asText("");
    String token = request.at("/fhirAuthorization/access_token").asText("");
    if (server.isEmpty() || token.isEmpty()) {
      return Optional.of(
          "prefetch " + missing + " is missing and no fhirServer with fhirAuthorization was given");
    }
    if (!fhirServers.contains(server.replaceAll("/+$", ""))) {
      return Optional.of(
          "prefetch "
              + missing
              + " is missing and fhirServer "
              + server
              + " is not on this server's list of FHIR servers it may fetch from");
    }
    for (String key : missing) {
      String url =
          server.replaceAll("/+$", "")
              + "/"
              + CdsHooks.PREFETCH
                  .get(key)
                  .replace("{{context.patientId}}", FhirIds.encoded(patientId));
      try {
        HttpResponse<String> r =
            client()
                .send(
                    HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/fhir+json")
                        .GET()
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          return Optional.of(
              "fetching " + key + " from the FHIR server answered " + r.statusCode());
        }
        add(Problems.JSON.readTree(r.body()), entries);
      } catch (IOException | IllegalArgumentException e) {
        return Optional.of(
            "fetching " + key + " from the FHIR server failed: " + e.getClass().getSimpleName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.of("interrupted while fetching " + key);
      }
    }
    return Optional.empty();
  }

  static void add(JsonNode value, List<JsonNode> entries) {
    if (value == null || !value.isObject()) {
      return;
    }
    if ("Bundle".equals(value.path("resourceType").asText())) {
      value
          .path("entry")
          .forEach(
              e -> {
                if (e.path("resource").isObject()) {
                  entries.add(e.get("resource"));
                }
              });
    } else if (value.has("resourceType")) {
      entries.add(value);
    }
  }
}
