package org.meldekette.testing;

import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

/**
 * Every document in a test database, for assertions that a request wrote exactly these or nothing
 * at all.
 */
public final class DatabaseContents {
  private DatabaseContents() {}

  /**
   * Paths of all documents that exist, such as {@code
   * incidents/INC-20261122-7KQ3XZ/timeline/report-received}.
   */
  public static TreeSet<String> documentPaths(Firestore db) {
    TreeSet<String> paths = new TreeSet<>();
    for (CollectionReference collection : db.listCollections()) {
      collect(collection, paths);
    }
    return paths;
  }

  private static void collect(CollectionReference collection, TreeSet<String> paths) {
    for (DocumentReference document : collection.listDocuments()) {
      try {
        if (document.get().get().exists()) {
          paths.add(document.getPath());
        }
      } catch (InterruptedException | ExecutionException e) {
        throw new IllegalStateException(e);
      }
      for (CollectionReference sub : document.listCollections()) {
        collect(sub, paths);
      }
    }
  }
}
