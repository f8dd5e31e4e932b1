package org.meldekette.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.meldekette.config.Lazy;
import org.meldekette.documents.Pdf;
import org.meldekette.domain.AuditVerification;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.RecordIds;
import org.meldekette.domain.Role;
import org.meldekette.domain.assurance.AuditPack;
import org.meldekette.domain.assurance.CustomerSummary;
import org.meldekette.domain.assurance.IncidentMetrics;
import org.meldekette.domain.assurance.MetricsFormats;
import org.meldekette.domain.assurance.Period;
import org.meldekette.domain.assurance.PolicySummary;
import org.meldekette.domain.deadline.Regimes;
import org.meldekette.domain.report.IncidentFile;
import org.meldekette.domain.report.Templates;
import org.meldekette.http.JsonFields;
import org.meldekette.http.StaffCall;
import org.meldekette.store.AuditPackStore;
import org.meldekette.store.AuditTrail;
import org.meldekette.store.PeriodQueries;

/**
 * Audit packs for customers' audits and the ISMS: for a period of whole months (and optionally one
 * customer), a ZIP with the policy summary (PDF), the metrics (JSON and CSV), a summary of each
 * incident for a customer's eyes (JSON, and all of them as one PDF), each incident's audit-chain
 * verification, and a manifest with the SHA-256 of every file. Kept in the vault; generated on
 * request by the second line, the DPO or an administrator; a repeated request (same
 * Idempotency-Key) gives the pack the first made.
 */
final class AuditPacks {
  private static final Set<String> FIELDS = Set.of("from", "to", "lang", "customer");
  private static final Duration DOWNLOAD_FOR = Duration.ofMinutes(15);
  private static final int VERIFYING_AT_ONCE = 16;

  /** What the packs state about the deployment. */
  record Settings(ZoneId zone, String controller, String incidentRetention, String riskMethod) {}

  private final PeriodQueries incidents;
  private final AuditTrail audit;
  private final AuditPackStore packs;
  private final Lazy<VaultStorage> storage;
  private final Regimes regimes;
  private final Templates templates;
  private final Settings settings;

  AuditPacks(
      PeriodQueries incidents,
      AuditTrail audit,
      AuditPackStore packs,
      Lazy<VaultStorage> storage,
      Regimes regimes,
      Templates templates,
      Settings settings) {
    this.incidents = incidents;
    this.audit = audit;
    this.packs = packs;
    this.storage = storage;
    this.regimes = regimes;
    this.templates = templates;
    this.settings = settings;
  }

  /** {@code POST /audit-packs} {@code {"from": "2026-01", "to": "2026-12", "lang", "customer"}}. */
  void create(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.SECOND_LINE, Role.DPO, Role.ADMIN);
    String key =
        call.request()
            .getFirstHeader("Idempotency-Key")
            .orElseThrow(
                () ->
                    new InvalidInput(
                        "Idempotency-Key",
                        "REQUIRED",
                        "an Idempotency-Key header is required: a repeated request gives the same"
                            + " pack"));
    JsonFields body = call.body(FIELDS);
    Period period = Period.of(body.string("from"), body.string("to"), null, null, settings.zone());
    String lang = body.string("lang") == null ? "de" : body.string("lang");
    if (!lang.equals("de") && !lang.equals("en")) {
      throw new InvalidInput("lang", "UNSUPPORTED_LANGUAGE", "lang is de or en");
    }
    String customer = body.string("customer");
    String id = RecordIds.derived("APK", call.member().email(), key);
    var existing = packs.find(id);
    if (existing.isPresent()) {
      call.reply().json(200, view(existing.get()));
      return;
    }
    List<IncidentFile> files =
        incidents.detectedBetween(period.start(), period.end()).stream()
            .filter(f -> customer == null || f.incident().customers().contains(customer))
            .toList();
    byte[] zip = pack(files, period, customer, lang, call);
    String object = "audit-packs/" + id + ".zip";
    VaultStorage.Stored stored =
        storage
            .get()
            .writeVault(
                object,
                "application/zip",
                Map.of("auditPack", id, "generatedBy", call.member().email()),
                out -> out.write(zip));
    // Packs are not evidence: no investigation holds them, the bucket's retention does.
    storage.get().setHolds(object, false, false);
    AuditPackStore.Pack pack =
        packs.created(
            new AuditPackStore.Pack(
                id,
                period.from().toString(),
                period.to().toString(),
                customer,
                lang,
                files.size(),
                object,
                stored.sha256(),
                stored.size(),
                call.member().email(),
                call.now()),
            call.actor(role));
    call.reply().json(201, view(pack));
  }

  /** {@code GET /audit-packs}: the newest packs. */
  void list(StaffCall call, Map<String, String> params) throws IOException {
    call.require(Role.SECOND_LINE, Role.DPO, Role.ADMIN);
    call.reply()
        .json(
            200,
            Map.of("auditPacks", packs.newestFirst(50).stream().map(AuditPacks::view).toList()));
  }

  /** {@code POST /audit-packs/{packId}/downloads}: a short-lived signed URL. */
  void download(StaffCall call, Map<String, String> params) throws IOException {
    call.require(Role.SECOND_LINE, Role.DPO, Role.ADMIN);
    String id = call.recordId(params, "packId");
    AuditPackStore.Pack pack =
        packs.find(id).orElseThrow(() -> new NotFound("no audit pack " + id));
    VaultStorage.Signed signed =
        storage.get().signDownload(pack.object(), id + ".zip", DOWNLOAD_FOR);
    call.reply().json(200, Map.of("url", signed.url(), "expiresAt", signed.expiresAt()));
  }

  private byte[] pack(
      List<IncidentFile> files, Period period, String customer, String lang, StaffCall call) {
    Instant now = call.now();
    AuditPack pack = new AuditPack();
    PolicySummary.Settings policy =
        new PolicySummary.Settings(
            settings.controller(), settings.incidentRetention(), settings.riskMethod(), now);
    pack.add(
        "policy-summary-" + lang + ".pdf",
        Pdf.fromHtml(new PolicySummary(templates).html(regimes, policy, lang)));
    IncidentMetrics.Metrics metrics =
        IncidentMetrics.of(files, period.start(), period.end(), settings.zone(), now);
    pack.addJson("metrics.json", MetricsFormats.json(metrics));
    pack.add("metrics.csv", MetricsFormats.csv(metrics).getBytes(StandardCharsets.UTF_8));
    List<Map<String, Object>> summaries = new ArrayList<>();
    Map<String, Object> verification = new TreeMap<>();
    List<List<AuditVerification.Result>> trails = verified(files);
    for (int i = 0; i < files.size(); i++) {
      IncidentFile file = files.get(i);
      Map<String, Object> summary = CustomerSummary.of(file, trails.get(i), now);
      summaries.add(summary);
      verification.put(file.incident().id(), summary.get("auditTrail"));
      pack.addJson("incidents/" + file.incident().id() + ".json", summary);
    }
    pack.addJson("audit-verification.json", verification);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("from", period.from().toString());
    document.put("to", period.to().toString());
    document.put("customer", customer);
    document.put("count", files.size());
    document.put("incidents", summaries.stream().map(AuditPacks::printable).toList());
    pack.add(
        "incidents-" + lang + ".pdf",
        Pdf.fromHtml(templates.render("incident-summaries-html", lang, document)));
    Map<String, Object> about = new LinkedHashMap<>();
    about.put("pack", "Meldekette audit pack");
    about.put("from", period.from().toString());
    about.put("to", period.to().toString());
    about.put("zone", settings.zone().getId());
    about.put("customer", customer);
    about.put("incidents", files.size());
    about.put("generatedAt", now.toString());
    about.put("generatedBy", call.member().email());
    return pack.zip(about);
  }

  /**
   * Each incident's audit chains verified, many at once: each verification is a read-only
   * transaction of its own, and a year holds thousands.
   */
  private List<List<AuditVerification.Result>> verified(List<IncidentFile> files) {
    ExecutorService pool = Executors.newFixedThreadPool(VERIFYING_AT_ONCE);
    try {
      List<Future<List<AuditVerification.Result>>> pending = new ArrayList<>();
      for (IncidentFile file : files) {
        pending.add(pool.submit(() -> audit.verifyIncident(file.incident().id())));
      }
      List<List<AuditVerification.Result>> results = new ArrayList<>();
      for (Future<List<AuditVerification.Result>> result : pending) {
        results.add(result.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while verifying audit chains", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A summary with its measures in one line, for the PDF. */
  private static Map<String, Object> printable(Map<String, Object> summary) {
    Map<String, Object> row = new LinkedHashMap<>(summary);
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Integer>> measures =
        (Map<String, Map<String, Integer>>) summary.get("measures");
    List<String> parts = new ArrayList<>();
    measures.forEach((type, counts) -> parts.add(type + " " + counts));
    row.put("measuresText", String.join("; ", parts));
    return row;
  }

  private static Map<String, Object> view(AuditPackStore.Pack p) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", p.id());
    view.put("from", p.from());
    view.put("to", p.to());
    view.put("customer", p.customer());
    view.put("lang", p.language());
    view.put("incidents", p.incidents());
    view.put("sha256", p.sha256());
    view.put("bytes", p.bytes());
    view.put("generatedBy", p.generatedBy());
    view.put("generatedAt", p.generatedAt());
    return view;
  }
}
