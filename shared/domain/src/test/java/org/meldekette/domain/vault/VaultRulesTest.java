package org.meldekette.domain.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.EvidenceSource;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.VaultFile;

/** The vault's rules: what may be uploaded or captured, names, holds, a capture's steps. */
class VaultRulesTest {
  static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");

  @Test
  void anUploadIsAPlainFileNameOfAnAllowedTypeAndAnExactSizeWithinTheLimit() {
    assertThat(new UploadRequest("auth.log", "text/plain", 10, null, null).source())
        .isEqualTo(EvidenceSource.FILE);
    for (String name : List.of("../x.txt", "a/b.txt", "C:\\x.txt", ".env", "a\u0000b", "x..txt")) {
      assertThatThrownBy(() -> new UploadRequest(name, "text/plain", 10, null, null))
          .as(name)
          .isInstanceOfSatisfying(
              InvalidInput.class, e -> assertThat(e.field()).isEqualTo("fileName"));
    }
    assertThatThrownBy(() -> new UploadRequest("x.html", "text/html", 10, null, null))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.field()).isEqualTo("contentType"));
    assertThatThrownBy(() -> new UploadRequest("x.txt", "text/plain", 0, null, null))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("size"));
    assertThatThrownBy(() -> new UploadRequest("x.txt", "text/plain", 101, null, null).within(100))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.code()).isEqualTo("TOO_LARGE"));
  }

  @Test
  void vaultNamesComeFromIdsAloneAndStayInTheIncidentsFolder() {
    String name = VaultNames.upload("INC-20261204-ABCDEF", "EVD-0000000001", "application/pdf");
    assertThat(name).isEqualTo("incidents/INC-20261204-ABCDEF/EVD-0000000001/file.pdf");
    assertThat(name).startsWith(VaultNames.incidentFolder("INC-20261204-ABCDEF"));
    assertThat(VaultNames.stagedCapturePart("CAP-0000000001", 7))
        .isEqualTo("captures/CAP-0000000001/part-00007.ndjson.gz");
  }

  @Test
  void aCaptureIsBoundedByItsWindowWhichTheFilterMayNotSetItself() {
    LogCaptureRequest ok =
        new LogCaptureRequest(
                "resource.type=\"gce_subnetwork\"", NOW.minus(Duration.ofDays(2)), NOW, null, null)
            .within(Duration.ofDays(31), NOW);
    assertThat(ok.boundedFilter())
        .isEqualTo(
            "(resource.type=\"gce_subnetwork\") AND timestamp>=\"2026-12-02T09:00:00Z\" AND timestamp<\"2026-12-04T09:00:00Z\"");
    assertThat(ok.source()).isEqualTo(EvidenceSource.CLOUD_LOGGING);
    assertThatThrownBy(
            () -> new LogCaptureRequest("timestamp>\"x\"", NOW.minusSeconds(1), NOW, null, null))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("filter"));
    assertThatThrownBy(
            () ->
                new LogCaptureRequest("a=b", NOW.minus(Duration.ofDays(40)), NOW, null, null)
                    .within(Duration.ofDays(31), NOW))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("from"));
    assertThatThrownBy(
            () ->
                new LogCaptureRequest("a=b", NOW, NOW.plus(Duration.ofHours(1)), null, null)
                    .within(Duration.ofDays(31), NOW))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.code()).isEqualTo("IN_FUTURE"));
    assertThatThrownBy(() -> new LogCaptureRequest("a=b", NOW, NOW, null, null))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("to"));
    assertThatThrownBy(
            () -> new LogCaptureRequest("a=b", NOW.minusSeconds(9), NOW, EvidenceSource.FILE, null))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("source"));
  }

  @Test
  void aCaptureMovesStepByStepAssemblesAfterTheLastPageAndFailsBeyondItsLimit() {
    LogCapture started =
        LogCapture.start(
            "CAP-0000000001",
            "INC-20261204-ABCDEF",
            "EVD-0000000001",
            new LogCaptureRequest("a=b", NOW.minusSeconds(60), NOW, null, null),
            "r@x.test",
            NOW);
    LogCapture.Part part =
        new LogCapture.Part("p0", 1000, 50, NOW.minusSeconds(50), NOW.minusSeconds(40));
    LogCapture first = started.read(part, "token-1", 5000, NOW);
    assertThat(first.state()).isEqualTo(LogCapture.State.RUNNING);
    assertThat(first.step()).isEqualTo(1);
    assertThat(first.pageToken()).isEqualTo("token-1");
    LogCapture last =
        first.read(
            new LogCapture.Part("p1", 500, 20, NOW.minusSeconds(30), NOW.minusSeconds(10)),
            "",
            5000,
            NOW);
    assertThat(last.state()).isEqualTo(LogCapture.State.ASSEMBLING);
    assertThat(last.entries()).isEqualTo(1500);
    assertThat(last.firstEntryAt()).isEqualTo(NOW.minusSeconds(50));
    assertThat(last.lastEntryAt()).isEqualTo(NOW.minusSeconds(10));
    assertThat(last.parts()).extracting(LogCapture.Part::object).containsExactly("p0", "p1");

    LogCapture tooMany = first.read(part, "token-2", 1500, NOW);
    assertThat(tooMany.state()).isEqualTo(LogCapture.State.FAILED);
    assertThat(tooMany.failure()).contains("more than 1500 entries");

    VaultFile entries =
        new VaultFile(
            "o", VaultFile.Role.LOG_ENTRIES, null, "a".repeat(64), 70, "application/gzip");
    assertThat(last.manifest(entries)).isEqualTo(last.manifest(entries));
    assertThat(last.manifest(entries))
        .containsEntry("entryCount", 1500L)
        .containsEntry("requestedBy", "r@x.test");
  }

  @Test
  void objectsStayHeldUntilTheIncidentIsClosedAndNothingElseHoldsThem() {
    Incident open = Incident.open("INC-20261204-ABCDEF", "t", IncidentSource.STAFF, null, NOW);
    Incident closed = open.dismissed(org.meldekette.domain.Closure.NOT_AN_INCIDENT, NOW);
    assertThat(VaultHolds.desired(open, false, false)).isEqualTo(new VaultHolds.State(true, false));
    assertThat(VaultHolds.desired(closed, false, false))
        .isEqualTo(new VaultHolds.State(false, false));
    assertThat(VaultHolds.desired(closed, true, false)).isEqualTo(new VaultHolds.State(true, true));
    assertThat(VaultHolds.desired(closed, false, true))
        .isEqualTo(new VaultHolds.State(true, false));
    assertThat(VaultHolds.desired(open, true, false)).isEqualTo(new VaultHolds.State(true, true));
  }

  @Test
  void verificationComparesTheHashFoundWithTheOneRecorded() {
    VaultFile file =
        new VaultFile("o", VaultFile.Role.FILE, "f.txt", "a".repeat(64), 1, "text/plain");
    assertThat(Verification.of(file, "a".repeat(64)).result()).isEqualTo(Verification.Result.MATCH);
    assertThat(Verification.of(file, "b".repeat(64)).note()).contains("differs");
    assertThat(Verification.of(file, null).result()).isEqualTo(Verification.Result.MISSING);
  }
}
