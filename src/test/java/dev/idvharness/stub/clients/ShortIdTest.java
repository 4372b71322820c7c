package dev.idvharness.stub.clients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** An id shown in an example: what the former regular expression made of it, without one on every call. */
class ShortIdTest {

  /** The rule as it was written before: every code point outside the set becomes '?', then at most 48 kept. */
  private static String byRegex(String id) {
    String printable = id.replaceAll("[^A-Za-z0-9:._-]", "?");
    return printable.length() > 48 ? printable.substring(0, 48) + "..." : printable;
  }

  static Stream<String> ids() {
    return Stream.of("", "9:acme-bank:bench-1-77-p1000000", "ABC1234", "a.b_c-d:e", "1".repeat(48), "1".repeat(49),
        "9:acme-bank:left-p3-r5-78a51323-6ca4-4be3-8c56-2f0e1d9b7a44", "<script>alert(1)</script>", "a b\tc\nd",
        "caf\u00e9", "smile \ud83d\ude00 twice \ud83d\ude00", "\ud83d\ude00".repeat(60), "lone \ud800 surrogate",
        "x\u0000y", "' OR 1=1 --");
  }

  @ParameterizedTest
  @MethodSource("ids")
  void showsWhatTheRegularExpressionShowed(String id) {
    assertThat(ClientReport.shortId(id)).isEqualTo(byRegex(id));
  }

  @ParameterizedTest
  @ValueSource(strings = {"9:acme-bank:bench-1-77-p1000000", "ABC1234"})
  void anIdThatNeedsNothingIsTheSameString(String id) {
    assertThat(ClientReport.shortId(id)).isSameAs(id);
  }
}
