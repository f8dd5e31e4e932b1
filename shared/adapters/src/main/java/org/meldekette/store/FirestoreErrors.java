package org.meldekette.store;

import com.google.api.core.ApiFuture;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.firestore.FirestoreException;
import io.grpc.Status;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Reads the gRPC status out of the exceptions the Firestore client throws, wherever it is wrapped.
 */
public final class FirestoreErrors {
  private static final Set<Status.Code> TRANSIENT =
      EnumSet.of(
          Status.Code.UNAVAILABLE,
          Status.Code.DEADLINE_EXCEEDED,
          Status.Code.ABORTED,
          Status.Code.RESOURCE_EXHAUSTED,
          Status.Code.INTERNAL,
          Status.Code.CANCELLED);

  private FirestoreErrors() {}

  /** A {@code create()} met a document that already exists. */
  public static boolean isAlreadyExists(Throwable error) {
    return code(error) == Status.Code.ALREADY_EXISTS;
  }

  /** The status code of the first Firestore or gRPC error in the cause chain, or UNKNOWN. */
  public static Status.Code code(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ApiException api) {
        StatusCode.Code code = api.getStatusCode().getCode();
        return Status.Code.valueOf(code.name());
      }
      if (t instanceof FirestoreException firestore && firestore.getStatus() != null) {
        return firestore.getStatus().getCode();
      }
      if (t instanceof io.grpc.StatusRuntimeException grpc) {
        return grpc.getStatus().getCode();
      }
    }
    return Status.Code.UNKNOWN;
  }

  /**
   * Waits for a Firestore call; transient failures become {@link StoreUnavailable}, others stay as
   * they are.
   */
  public static <T> T await(ApiFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailable(e);
    } catch (ExecutionException e) {
      throw translate(e.getCause());
    }
  }

  /** A failed call as the exception callers handle: StoreUnavailable when trying again may help. */
  public static RuntimeException translate(Throwable error) {
    if (error instanceof StoreUnavailable unavailable) {
      return unavailable;
    }
    if (TRANSIENT.contains(code(error)) || !(error instanceof RuntimeException)) {
      return new StoreUnavailable(error);
    }
    return (RuntimeException) error;
  }
}
