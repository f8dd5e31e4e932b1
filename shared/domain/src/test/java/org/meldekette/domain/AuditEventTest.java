package org.meldekette.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditEventTest {
  private static final Instant T0 = Instant.parse("2026-11-22T08:00:00.123456789Z");
  private static final Actor RESPONDER = Actor.staff("responder@meldekette.test", Role.RESPONDER);

  private static List<AuditEvent> chain(int length) {
    List<AuditEvent> events = new ArrayList<>();
    AuditEvent.ChainHead head = AuditEvent.ChainHead.EMPTY;
    for (int i = 1; i <= length; i++) {
      AuditEvent event =
          AuditEvent.next(
              "incidents/INC-1",
              head,
              new Change(
                  ChangeType.values()[i],
                  RESPONDER,
                  T0.plusSeconds(i),
                  "INC-1",
                  "change " + i,
                  Map.of("n", i - 1),
                  Map.of("n", i)));
      events.add(event);
      head = event.head();
    }
    return events;
  }

  @Test
  void eventsChainByHashAndTheTimeKeepsFirestorePrecision() {
    List<AuditEvent> events = chain(3);
    assertThat(events.get(0).previousHash()).isEqualTo(AuditEvent.GENESIS);
    assertThat(events.get(1).previousHash()).isEqualTo(events.get(0).hash());
    assertThat(events.get(0).at()).isEqualTo(Instant.parse("2026-11-22T08:00:01.123456Z"));
    assertThat(events.get(2).id()).isEqualTo("incidents:INC-1:0000000003");
    assertThat(AuditVerification.verify("incidents/INC-1", events, events.get(2).head()).intact())
        .isTrue();
  }

  @Test
  void theHashIsTheSameForNumbersReadBackAsLongsAndMapsInAnotherOrder() {
    AuditEvent written = chain(1).get(0);
    AuditEvent readBack =
        new AuditEvent(
            written.stream(),
            written.sequence(),
            written.type(),
            written.actor(),
            written.at(),
            written.incidentId(),
            written.summary(),
            Map.of("n", 0L),
            Map.of("n", 1L),
            written.previousHash(),
            written.hash());
    assertThat(readBack.computeHash()).isEqualTo(written.hash());
  }

  @Test
  void freeTextEntersOnlyAsItsHash() {
    AuditEvent event =
        AuditEvent.next(
            "incidents/INC-1",
            AuditEvent.ChainHead.EMPTY,
            new Change(
                ChangeType.SKIP_REQUESTED,
                RESPONDER,
                T0,
                "INC-1",
                "Skip requested",
                null,
                Map.of(
                    "justification",
                    "Erika Mustermann called us",
                    "to",
                    "FORENSICS",
                    "systems",
                    List.of("crm", "a b"))));
    assertThat(event.after().get("to")).isEqualTo("FORENSICS");
    assertThat((String) event.after().get("justification"))
        .startsWith("sha256:")
        .doesNotContain("Erika");
    assertThat((List<?>) event.after().get("systems")).first().isEqualTo("crm");
  }

  @Test
  void aChangedEventFailsVerificationAtThatEvent() {
    List<AuditEvent> events = new ArrayList<>(chain(4));
    AuditEvent third = events.get(2);
    events.set(
        2,
        new AuditEvent(
            third.stream(),
            3,
            third.type(),
            third.actor(),
            third.at(),
            third.incidentId(),
            "innocent",
            third.before(),
            third.after(),
            third.previousHash(),
            third.hash()));
    AuditVerification.Result result = AuditVerification.verify("s", events, events.get(3).head());
    assertThat(result.intact()).isFalse();
    assertThat(result.brokenAt()).isEqualTo(3);
  }

  @Test
  void aRemovedEventOrARemovedTailFailsVerification() {
    List<AuditEvent> events = new ArrayList<>(chain(4));
    AuditEvent.ChainHead head = events.get(3).head();
    List<AuditEvent> gap = new ArrayList<>(events);
    gap.remove(1);
    assertThat(AuditVerification.verify("s", gap, head).brokenAt()).isEqualTo(2);
    List<AuditEvent> tail = events.subList(0, 3);
    assertThat(AuditVerification.verify("s", tail, head).brokenAt()).isEqualTo(4);
  }

  @Test
  void twoSwappedEventsFailVerificationAtTheFirst() {
    List<AuditEvent> events = new ArrayList<>(chain(4));
    AuditEvent second = events.get(1);
    AuditEvent third = events.get(2);
    List<AuditEvent> swapped =
        List.of(events.get(0), renumbered(third, 2), renumbered(second, 3), events.get(3));
    assertThat(AuditVerification.verify("s", swapped, events.get(3).head()).brokenAt())
        .isEqualTo(2);
  }

  private static AuditEvent renumbered(AuditEvent e, long sequence) {
    return new AuditEvent(
        e.stream(),
        sequence,
        e.type(),
        e.actor(),
        e.at(),
        e.incidentId(),
        e.summary(),
        e.before(),
        e.after(),
        e.previousHash(),
        e.hash());
  }
}
