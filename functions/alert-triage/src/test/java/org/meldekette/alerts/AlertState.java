package org.meldekette.alerts;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state people see after alerts came in, comparable between two databases: incidents with their
 * timelines, alert records and alert groups. Incident IDs are random, so each is replaced by the
 * group that opened it; the audit chain's bookkeeping on each document (how many events it took) is
 * left out, since the order of deliveries may legitimately change it, not what it says.
 */
public final class AlertState {
  private static final Pattern INCIDENT_ID = Pattern.compile("INC-\\d{8}-[0-9A-Z]{6}");

  private AlertState() {}

  public static Map<String, String> of(Firestore db)
      throws ExecutionException, InterruptedException {
    Map<String, String> names = new HashMap<>();
    List<QueryDocumentSnapshot> groups = db.collection("alert-groups").get().get().getDocuments();
    for (QueryDocumentSnapshot group : groups) {
      names.put(group.getString("openIncidentId"), "INC(" + group.getId().substring(0, 12) + ")");
    }
    Map<String, String> state = new TreeMap<>();
    for (QueryDocumentSnapshot group : groups) {
      put(state, names, group.getReference().getPath(), group.getData());
    }
    for (QueryDocumentSnapshot alert : db.collection("alerts").get().get().getDocuments()) {
      put(state, names, alert.getReference().getPath(), alert.getData());
    }
    for (QueryDocumentSnapshot incident : db.collection("incidents").get().get().getDocuments()) {
      put(state, names, incident.getReference().getPath(), incident.getData());
      for (QueryDocumentSnapshot entry :
          incident.getReference().collection("timeline").get().get().getDocuments()) {
        put(state, names, entry.getReference().getPath(), entry.getData());
      }
    }
    return state;
  }

  private static void put(
      Map<String, String> state, Map<String, String> names, String path, Map<String, Object> data) {
    Map<String, Object> fields = new TreeMap<>(data);
    fields.remove("auditSequence");
    fields.remove("auditHash");
    state.put(rename(path, names), rename(fields.toString(), names));
  }

  private static String rename(String text, Map<String, String> names) {
    return INCIDENT_ID
        .matcher(text)
        .replaceAll(
            match -> Matcher.quoteReplacement(names.getOrDefault(match.group(), "INC(unknown)")));
  }
}
