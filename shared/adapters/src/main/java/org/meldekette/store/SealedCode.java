package org.meldekette.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The receipt code inside a stored first answer, sealed (AES-GCM) with a key only the client's
 * idempotency key yields. A repeat of the same submission — its first answer lost on the way —
 * unseals it and shows the code; the database alone never does (it keeps the idempotency key only
 * as its SHA-256). As strong as the idempotency key: the form's is a random UUID.
 */
final class SealedCode {
  static final String PLAIN = "receiptCode";
  static final String SEALED = "sealedReceiptCode";
  private static final SecureRandom RANDOM = new SecureRandom();

  private SealedCode() {}

  /** The answer as stored: the code sealed, never in the clear (in its place, so order holds). */
  static Map<String, Object> sealed(Map<String, Object> answer, String idempotencyKey) {
    Map<String, Object> stored = new LinkedHashMap<>();
    answer.forEach(
        (key, value) -> {
          if (key.equals(PLAIN)) {
            stored.put(SEALED, seal(value.toString(), idempotencyKey));
          } else {
            stored.put(key, value);
          }
        });
    return stored;
  }

  /**
   * The stored answer as the client gets it again (fields in name order, as Firestore keeps no
   * order); without the code if it cannot be unsealed.
   */
  static Map<String, Object> unsealed(Map<String, Object> stored, String idempotencyKey) {
    Map<String, Object> answer = new java.util.TreeMap<>();
    stored.forEach(
        (key, value) -> {
          if (!key.equals(SEALED)) {
            answer.put(key, value);
            return;
          }
          try {
            answer.put(PLAIN, open(value.toString(), idempotencyKey));
          } catch (GeneralSecurityException | IllegalArgumentException e) {
            // not sealed with this key: the answer goes back without the code
          }
        });
    return answer;
  }

  static String seal(String code, String idempotencyKey) {
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(idempotencyKey), new GCMParameterSpec(128, iv));
      byte[] sealed = cipher.doFinal(code.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  static String open(String sealed, String idempotencyKey) throws GeneralSecurityException {
    byte[] bytes = Base64.getDecoder().decode(sealed);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, key(idempotencyKey), new GCMParameterSpec(128, bytes, 0, 12));
    return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
  }

  private static SecretKeySpec key(String idempotencyKey) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(idempotencyKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return new SecretKeySpec(
        mac.doFinal("meldekette receipt code".getBytes(StandardCharsets.UTF_8)), "AES");
  }
}
