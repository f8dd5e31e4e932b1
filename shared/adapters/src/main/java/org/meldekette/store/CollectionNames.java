package org.meldekette.store;

/**
 * The Firestore collections Meldekette writes; firestore.indexes.json and the TTL policies name the
 * same.
 */
public final class CollectionNames {
  private CollectionNames() {}

  public static final String INCIDENTS = "incidents";

  /** Subcollection of an incident. */
  public static final String TIMELINE = "timeline";

  /** Subcollections of an incident: the records beside it. */
  public static final String MEASURES = "measures";

  public static final String EVIDENCE = "evidence";

  /** Subcollection of a piece of evidence. */
  public static final String CUSTODY = "custody";

  public static final String DECISIONS = "decisions";
  public static final String SKIP_REQUESTS = "skip-requests";

  /** Under an incident: triage's conclusion "not an incident", waiting for the second line. */
  public static final String DISMISSAL_REQUESTS = "dismissal-requests";

  /** Triage changes of legal facts waiting for, or given, LEGAL's or the DPO's sign-off. */
  public static final String TRIAGE_CHANGES = "triage-changes";

  /** Audit packs generated for customers' audits and the ISMS, each kept in the vault. */
  public static final String AUDIT_PACKS = "audit-packs";

  /** Risk assessments by the method, each kept with the verdict on it. */
  public static final String RISK_ASSESSMENTS = "risk-assessments";

  /** Final reports as issued, frozen with their hash, one per version. */
  public static final String FINAL_REPORTS = "final-reports";

  public static final String RETENTION_EXTENSIONS = "retention-extensions";
  public static final String APPROVALS = "approvals";
  public static final String COMMUNICATIONS = "communications";

  /** Holds that block erasure; a pseudonymous subject reference, never profile data. */
  public static final String LEGAL_HOLDS = "legal-holds";

  /** Every audit event, chained per stream (the document it changed); exported to Cloud Logging. */
  public static final String AUDIT_EVENTS = "audit-events";

  /** One document per alert occurrence (a Cloud Monitoring incident, a generic fingerprint). */
  public static final String ALERTS = "alerts";

  /**
   * One document per alert group: the incident its open alerts join. Written only when it opens
   * one.
   */
  public static final String ALERT_GROUPS = "alert-groups";

  /** Messages already handled, so a redelivery changes nothing; expire through the TTL field. */
  public static final String DELIVERIES = "deliveries";

  /** Messages that were not alerts: the reason, never the payload; expire through the TTL field. */
  public static final String REJECTED_ALERTS = "rejected-alerts";

  /**
   * One document per reminder sent or being sent, keyed by the reminder: a task delivered twice
   * sends once.
   */
  public static final String REMINDERS = "reminders";

  /** Staff members and their roles, keyed by lower-case email. */
  public static final String MEMBERS = "members";

  /** What reporters wrote, keyed by incident ID, without their contact details. */
  public static final String REPORTS = "reports";

  /** Reporters' names and addresses, apart from everything else (need-to-know). */
  public static final String REPORTER_CONTACTS = "reporter-contacts";

  /** First answers to requests that carried an idempotency key; expire through the TTL field. */
  public static final String IDEMPOTENCY = "idempotency";

  /** Receipt codes, by their hash only: which incident a code opens. The code itself is nowhere. */
  public static final String REPORTER_ACCESS = "reporter-access";

  /** Subcollection of an incident: messages between the team and the reporter. */
  public static final String REPORTER_MESSAGES = "reporter-messages";

  /** Requests per client and window, for rate limits; expire through the TTL field. */
  public static final String RATE_LIMITS = "rate-limits";

  /**
   * One document per notification sent or being sent (a new incident announced, a P1 paged, a
   * digest), so a task delivered twice posts once.
   */
  public static final String NOTIFICATIONS = "notifications";

  /**
   * A raw mail as received, by its SHA-256; its bytes in {@code chunks} (Firestore keeps 1 MiB a
   * document).
   */
  public static final String MAIL_RAW = "mail-raw";

  public static final String MAIL_CHUNKS = "chunks";

  /** One per mail filed, by a hash of its Message-ID (or of its bytes): no mail is filed twice. */
  public static final String MAIL_MESSAGES = "mail-messages";

  /**
   * One per message taken from a source (IMAP UIDVALIDITY/UID, a webhook delivery); and cursors.
   */
  public static final String MAIL_TAKEN = "mail-taken";

  /** Under an incident: its mail, both directions. */
  public static final String MAIL_THREAD = "mail";

  /** Mail to send, one per key: a task delivered twice sends once. */
  public static final String MAIL_OUTBOX = "mail-outbox";

  /** Messages per channel and minute, and the digest of those over the rate; expire via TTL. */
  public static final String CHANNEL_WINDOWS = "channel-windows";

  /** Under an incident: files on their way into the evidence vault. */
  public static final String UPLOADS = "uploads";

  /** Under an incident: captures of Cloud Logging entries into the vault. */
  public static final String CAPTURES = "captures";

  /** One per incident with objects in the vault: the holds those objects carry. */
  public static final String VAULT_HOLDS = "vault-holds";

  /** One per run of the weekly verification of the vault. */
  public static final String VAULT_CHECKS = "vault-checks";
}
