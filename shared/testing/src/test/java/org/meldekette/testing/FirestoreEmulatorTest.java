package org.meldekette.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.Firestore;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FirestoreExtension.class)
class FirestoreEmulatorTest {
  @Test
  void eachTestClassGetsADatabaseOfItsOwnOnTheOneEmulator(Firestore db) throws Exception {
    db.collection("probe").document("a").set(Map.of("x", 1)).get();
    Firestore other = FirestoreEmulator.shared().newDatabase();

    assertThat(DatabaseContents.documentPaths(db)).containsExactly("probe/a");
    assertThat(DatabaseContents.documentPaths(other)).isEmpty();
    assertThat(other.getOptions().getHost()).isEqualTo(db.getOptions().getHost());
    other.close();
  }
}
