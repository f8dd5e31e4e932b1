package org.meldekette.store;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.meldekette.domain.Member;
import org.meldekette.domain.Role;

/** Staff members in {@code members/{email}}. */
public final class MemberStore {
  private final Firestore db;

  public MemberStore(Firestore db) {
    this.db = db;
  }

  public Optional<Member> find(String email) {
    return read(FirestoreErrors.await(reference(db, email).get()));
  }

  static DocumentReference reference(Firestore db, String email) {
    return db.collection(CollectionNames.MEMBERS).document(email.toLowerCase(Locale.ROOT));
  }

  /** The member a read of their document gave; empty when there is none. */
  static Optional<Member> read(DocumentSnapshot snapshot) {
    return snapshot.exists() ? Optional.of(member(snapshot)) : Optional.empty();
  }

  public List<Member> list() {
    return FirestoreErrors.await(db.collection(CollectionNames.MEMBERS).orderBy("email").get())
        .getDocuments()
        .stream()
        .map(MemberStore::member)
        .toList();
  }

  public void put(Member member, String by, Instant at) {
    FirestoreErrors.await(
        db.collection(CollectionNames.MEMBERS)
            .document(member.email())
            .set(
                Doc.fields()
                    .put("email", member.email())
                    .put("roles", member.roles().stream().map(Role::name).sorted().toList())
                    .put("active", member.active())
                    .put("updatedBy", by)
                    .put("updatedAt", at)
                    .map()));
  }

  private static Member member(DocumentSnapshot snapshot) {
    Doc doc = Doc.of(snapshot.getData());
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String role : doc.strings("roles")) {
      roles.add(Role.valueOf(role));
    }
    return new Member(doc.string("email"), roles, doc.bool("active"));
  }
}
