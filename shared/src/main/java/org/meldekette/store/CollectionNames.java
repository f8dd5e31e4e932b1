package org.meldekette.store;

/** The Firestore collections Meldekette writes; firestore.indexes.json and the TTL policies name the same. */
public final class CollectionNames {
  private CollectionNames() {}

  public static final String INCIDENTS = "incidents";
  /** Subcollection of an incident. */
  public static final String TIMELINE = "timeline";
  /** What reporters wrote, keyed by incident ID, without their contact details. */
  public static final String REPORTS = "reports";
  /** Reporters' names and addresses, apart from everything else (need-to-know). */
  public static final String REPORTER_CONTACTS = "reporter-contacts";
  /** First answers to requests that carried an idempotency key; expire through the TTL field. */
  public static final String IDEMPOTENCY = "idempotency";
}
