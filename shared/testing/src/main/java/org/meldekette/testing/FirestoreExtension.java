package org.meldekette.testing;

import com.google.cloud.firestore.Firestore;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class a {@link Firestore} client on the real emulator ({@link FirestoreEmulator}),
 * on a database of its own: every test class starts empty, and nothing it writes is seen by
 * another. Use with {@code @ExtendWith(FirestoreExtension.class)} and a {@code Firestore}
 * parameter.
 */
public final class FirestoreExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FirestoreExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    database(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Firestore.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return database(context);
  }

  private static Firestore database(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            "database",
            key -> new ClosingDatabase(FirestoreEmulator.shared().newDatabase()),
            ClosingDatabase.class)
        .firestore();
  }

  private record ClosingDatabase(Firestore firestore)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() throws Exception {
      firestore.close();
    }
  }
}
