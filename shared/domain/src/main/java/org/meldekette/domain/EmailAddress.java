package org.meldekette.domain;

import java.util.regex.Pattern;

/**
 * The address check the report form applies in the browser and the server applies again: the HTML
 * standard's rule for {@code <input type=email>}, plus a dot in the domain and the RFC 5321 length
 * limits.
 */
public final class EmailAddress {
  public static final int MAX_LENGTH = 254;
  private static final int MAX_LOCAL_PART = 64;
  private static final Pattern SHAPE =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

  private EmailAddress() {}

  public static boolean isValid(String address) {
    return address != null
        && address.length() <= MAX_LENGTH
        && address.indexOf('@') <= MAX_LOCAL_PART
        && SHAPE.matcher(address).matches();
  }
}
