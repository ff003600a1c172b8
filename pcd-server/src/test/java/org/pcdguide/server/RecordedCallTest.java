package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The audit log keeps a CDS Hooks call as the request the EHR sent (issue 16), and reads it back as
 * the call the cards came from, so that replay and the full report see what the service saw.
 */
class RecordedCallTest {
  /** A patient-view request as an EHR might send it: its own spacing, an order-sign draft. */
  static byte[] request() throws Exception {
    String bundle = Files.readString(Path.of("../examples/poems-disseminated.fhir.json"));
    return ("{ \"hook\" : \"order-sign\",  \"hookInstance\": \"h-1\",\n"
            + " \"context\": {\"patientId\": \"example\", \"draftOrders\": {\"resourceType\":"
            + " \"Bundle\", \"entry\": [{\"resource\": {\"resourceType\": \"MedicationRequest\","
            + " \"status\": \"draft\"}}]}},\n"
            + " \"prefetch\": {\"everything\": "
            + bundle
            + "}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static CdsCall call(JsonNode request, List<JsonNode> resources) {
    return new CdsCall(
        "pcd-order-sign",
        "h-1",
        "https://cds.example.org",
        LocalDate.of(2026, 12, 3),
        resources,
        RecordedCall.sent(request).draftOrders(),
        java.util.Optional.of(java.time.Instant.parse("2026-12-03T09:15:27.348Z")));
  }

  @Test
  void aCallRecordedWithoutItsInstant_readsBackWithout_andKeepsItsNameBasedCardUuids()
      throws Exception {
    byte[] body = request();
    JsonNode request = Problems.JSON.readTree(body);
    CdsCall timed = call(request, RecordedCall.sent(request).resources());
    CdsCall before =
        new CdsCall(
            timed.service(),
            timed.hookInstance(),
            timed.base(),
            timed.asOf(),
            timed.resources(),
            timed.draftOrders());
    CdsCall back = CdsCall.recorded(RecordedCall.of(before, body, request).text());
    assertThat(back.issued()).isEmpty();
    assertThat(back.cardIds().of("POEMS-TX-001")).isEqualTo(CardIds.named("h-1", "POEMS-TX-001"));
    assertThat(CdsCall.recorded(before.encoded()).issued()).isEmpty();
    // a recorded call names its instant, and its cards' uuids carry it
    CdsCall timedBack = CdsCall.recorded(RecordedCall.of(timed, body, request).text());
    assertThat(timedBack.issued()).isEqualTo(timed.issued());
    assertThat(timedBack.cardIds().of("POEMS-TX-001").version()).isEqualTo(7);
  }

  @Test
  void of_prefetchedCall_keepsTheRequestBytesAsReceived_andReadsBackTheSameCall() throws Exception {
    byte[] body = request();
    JsonNode request = Problems.JSON.readTree(body);
    CdsCall call = call(request, RecordedCall.sent(request).resources());

    RecordedCall.Stored stored = RecordedCall.of(call, body, request);

    assertThat(stored.type()).isEqualTo(RecordedCall.TYPE);
    assertThat(stored.text()).startsWith(RecordedCall.PREFIX);
    assertThat(RecordedCall.plain(stored.text()))
        .endsWith("\n" + new String(body, StandardCharsets.UTF_8));
    assertThat(stored.text().length()).isLessThan(body.length / 2);
    CdsCall back = CdsCall.recorded(stored.text());
    assertThat(back).isEqualTo(call);
    assertThat(back.resources()).hasSize(16);
    assertThat(back.draftOrders()).hasSize(1);
  }

  @Test
  void of_callWithFetchedResources_keepsThemInTheDeflatedForm() throws Exception {
    byte[] body = request();
    JsonNode request = Problems.JSON.readTree(body);
    List<JsonNode> resources = new ArrayList<>(RecordedCall.sent(request).resources());
    resources.add(Problems.JSON.readTree("{\"resourceType\": \"Observation\", \"id\": \"f\"}"));
    CdsCall call = call(request, resources);

    RecordedCall.Stored stored = RecordedCall.of(call, body, request);

    assertThat(stored.type()).isEqualTo(CdsCall.RECORDED_TYPE);
    assertThat(CdsCall.recorded(stored.text())).isEqualTo(call);
  }

  @Test
  void read_damagedRecord_isRefusedWithTheReason() throws Exception {
    byte[] body = request();
    JsonNode request = Problems.JSON.readTree(body);
    String text =
        RecordedCall.of(call(request, RecordedCall.sent(request).resources()), body, request)
            .text();

    assertThatThrownBy(() -> CdsCall.recorded(text.substring(0, text.length() / 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a recorded CDS Hooks call");
    assertThatThrownBy(() -> CdsCall.recorded(RecordedCall.PREFIX + "AAAA"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a recorded CDS Hooks call");
  }
}
