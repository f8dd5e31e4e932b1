package org.meldekette.vault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Actor;
import org.meldekette.domain.CustodyEntry;
import org.meldekette.domain.vault.Verification;
import org.meldekette.log.StructuredLog;
import org.meldekette.store.VaultStore;

/**
 * The weekly verification of the whole vault: every file of every piece of evidence read again and
 * hashed. A mismatch or a missing object is a custody entry on the evidence and an ERROR log line
 * ({@link #FAILED}) that a log-based metric counts and an alert policy pages on; the run's summary
 * is kept in {@code vault-checks}.
 */
final class VaultCheck {
  /** The log message the alert policy's metric matches (infra/monitoring.tf). */
  static final String FAILED = "vault evidence failed verification";

  private static final String SERVICE = "evidence-vault";

  private final VaultStore store;
  private final VaultEvidence evidence;
  private final StructuredLog log;

  VaultCheck(VaultStore store, VaultEvidence evidence, StructuredLog log) {
    this.store = store;
    this.evidence = evidence;
    this.log = log;
  }

  Map<String, Object> run(Instant startedAt, java.time.Clock clock) {
    List<Map<String, Object>> failures = new ArrayList<>();
    int checked = 0;
    int files = 0;
    for (VaultStore.Secured secured : store.securedEvidence()) {
      List<Verification> results = evidence.verify(secured.evidence());
      checked++;
      files += results.size();
      if (results.stream().noneMatch(Verification::failed)) {
        continue;
      }
      evidence.appendCustody(
          secured.incidentId(),
          secured.evidence(),
          CustodyEntry.Action.VERIFIED,
          SERVICE,
          Actor.service(SERVICE),
          "weekly verification: " + VaultEvidence.note(results),
          clock.instant());
      for (Verification failed : results.stream().filter(Verification::failed).toList()) {
        Map<String, Object> failure = new LinkedHashMap<>();
        failure.put("incidentId", secured.incidentId());
        failure.put("evidenceId", secured.evidence().id());
        failure.put("object", failed.file().object());
        failure.put("result", failed.result().name());
        failures.add(failure);
        log.write(
            StructuredLog.Severity.ERROR,
            FAILED,
            Map.of("incidentId", secured.incidentId()),
            failure,
            null);
      }
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    String runId = "check-" + startedAt.toString().replace(":", "");
    summary.put("runId", runId);
    summary.put("startedAt", startedAt.toString());
    summary.put("finishedAt", clock.instant().toString());
    summary.put("evidence", checked);
    summary.put("files", files);
    summary.put("failed", failures.size());
    summary.put("failures", failures);
    store.recordCheck(runId, summary);
    log.write(
        StructuredLog.Severity.INFO,
        "vault verification finished",
        Map.of(),
        Map.of("evidence", checked, "files", files, "failed", failures.size()),
        null);
    return summary;
  }
}
