package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.meldekette.domain.Approval;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Decision;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.Measure;
import org.meldekette.domain.RetentionExtension;

/**
 * What the exit criteria and the clocks read beside an incident (its measures, decisions,
 * communications, retention extensions and the number of its evidence), and the approvals the
 * communication gate checks, copied onto the incident document ({@value #FIELD}) in the same
 * transaction as every change of those records: a change then reads one document instead of five
 * queries and a count. Every record change writes the incident document anyway (its version,
 * deadlines and audit head), so the copy makes no document hotter. The records' own documents stay
 * the reference; an incident written before the copy existed has none and is read by queries until
 * its next change writes it.
 */
final class RecordCopies {
  static final String FIELD = "records";
  private static final String APPROVALS = "approvals";

  private RecordCopies() {}

  /** The copy on {@code incident}, or null when it has none (written before copies existed). */
  static IncidentRecords read(DocumentSnapshot incident) {
    Object copy = incident.get(FIELD);
    return copy instanceof Map<?, ?> map ? read(fieldsOf(map)) : null;
  }

  /**
   * The approvals on {@code incident}'s copy, or null when it has none of them (a copy written
   * before approvals joined it, or no copy).
   */
  static List<Approval> approvals(DocumentSnapshot incident) {
    Object copy = incident.get(FIELD);
    if (!(copy instanceof Map<?, ?> map) || !map.containsKey(APPROVALS)) {
      return null;
    }
    return list(
        map.get(APPROVALS),
        ApprovalDocuments::read,
        Comparator.comparing(Approval::approvedAt).thenComparing(Approval::id));
  }

  /**
   * The copy for the records {@code records} and the approvals {@code approvals} (null: not known
   * to this transaction, left out): what {@link #read} and {@link #approvals} give back.
   */
  static Map<String, Object> fields(IncidentRecords records, List<Approval> approvals) {
    Map<String, Object> copy = new LinkedHashMap<>();
    copy.put("measures", byId(records.measures(), Measure::id, MeasureDocuments::fields));
    copy.put("decisions", byId(records.decisions(), Decision::id, DecisionDocuments::fields));
    copy.put(
        "communications",
        byId(records.communications(), Communication::id, CommunicationDocuments::fields));
    copy.put(
        "retentionExtensions",
        byId(
            records.retentionExtensions(),
            RetentionExtension::id,
            RetentionExtensionDocuments::fields));
    copy.put("evidenceCount", records.evidenceCount());
    if (approvals != null) {
      copy.put(APPROVALS, byId(approvals, Approval::id, ApprovalDocuments::fields));
    }
    return copy;
  }

  private static IncidentRecords read(Map<String, Object> copy) {
    return new IncidentRecords(
        list(
            copy.get("measures"),
            MeasureDocuments::read,
            Comparator.comparing(Measure::createdAt).thenComparing(Measure::id)),
        ((Number) copy.getOrDefault("evidenceCount", 0L)).longValue(),
        list(
            copy.get("decisions"),
            DecisionDocuments::read,
            Comparator.comparing(Decision::decidedAt).thenComparing(Decision::id)),
        list(
            copy.get("retentionExtensions"),
            RetentionExtensionDocuments::read,
            Comparator.comparing(RetentionExtension::id)),
        list(
            copy.get("communications"),
            CommunicationDocuments::read,
            Comparator.comparing(Communication::sentAt).thenComparing(Communication::id)));
  }

  private static <T> Map<String, Object> byId(
      List<T> records, Function<T, String> id, Function<T, Map<String, Object>> fields) {
    Map<String, Object> byId = new LinkedHashMap<>();
    records.forEach(record -> byId.put(id.apply(record), fields.apply(record)));
    return byId;
  }

  private static <T> List<T> list(
      Object stored, Function<Map<String, Object>, T> read, Comparator<T> order) {
    if (!(stored instanceof Map<?, ?> byId)) {
      return List.of();
    }
    return byId.values().stream()
        .map(fields -> read.apply(fieldsOf(fields)))
        .sorted(order)
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fieldsOf(Object map) {
    return (Map<String, Object>) map;
  }
}
