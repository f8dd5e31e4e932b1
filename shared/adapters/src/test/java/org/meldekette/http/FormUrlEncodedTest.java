package org.meldekette.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormUrlEncodedTest {
  @Test
  void decodesAsBrowsersEncode() {
    Map<String, List<String>> fields =
        FormUrlEncoded.parse("a=x+y%2Bz&b=%C3%A4%E2%82%AC&a=2&empty=&flag");
    assertThat(fields)
        .containsEntry("a", List.of("x y+z", "2"))
        .containsEntry("b", List.of("ä€"))
        .containsEntry("empty", List.of(""))
        .containsEntry("flag", List.of(""));
  }

  @Test
  void takesRawUtf8AsCurlSendsIt() {
    assertThat(FormUrlEncoded.parse("t=Grüße 🔒")).containsEntry("t", List.of("Grüße 🔒"));
  }

  @Test
  void refusesBrokenEscapesAndInvalidUtf8InsteadOfGuessing() {
    assertThatThrownBy(() -> FormUrlEncoded.parse("t=%4"))
        .hasFieldOrPropertyWithValue("code", "MALFORMED_FORM");
    assertThatThrownBy(() -> FormUrlEncoded.parse("t=%zz"))
        .hasFieldOrPropertyWithValue("code", "MALFORMED_FORM");
    assertThatThrownBy(() -> FormUrlEncoded.parse("t=%ff"))
        .hasFieldOrPropertyWithValue("code", "INVALID_ENCODING")
        .hasFieldOrPropertyWithValue("field", "t");
  }
}
