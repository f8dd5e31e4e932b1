package org.meldekette.domain.report;

import java.time.Instant;

/**
 * A final report as issued: numbered per incident (a reopened incident closed again gets a second),
 * frozen as canonical JSON with the SHA-256 taken over it, so a later edit of the incident shows as
 * a new version rather than changing what was issued.
 *
 * @param closedAt the closure the report was issued for
 */
public record IssuedReport(
    int version, Instant issuedAt, String issuedBy, Instant closedAt, FinalReport.Frozen frozen) {}
