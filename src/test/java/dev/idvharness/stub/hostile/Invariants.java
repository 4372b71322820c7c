package dev.idvharness.stub.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** What every answer must be, whatever was sent: no 5xx, no stack trace, no echo of the hostile text. */
final class Invariants {

  /** Far above the largest normal answer (a NewPackage, ~1.5 KB): a 100 KB id cannot be echoed within it. */
  static final int MAX_ANSWER_BYTES = 4096;
  /** The longest text a normal answer holds is a Message of ~110 characters; a reflected snippet must stay short. */
  static final int MAX_TEXT = 200;

  private Invariants() {}

  /** Checks an answer: JSON, Jetty's own refusals included. */
  static void hold(HttpAnswer answer, String context) {
    assertThat(answer.status()).as("%s: no 5xx, got %s", context, answer).isLessThan(500);
    assertThat(answer.body().length).as("%s: a short answer, got %s", context, answer)
        .isLessThanOrEqualTo(MAX_ANSWER_BYTES);
    // the CyberArk envelope has fields Exception and InnerExceptions (always null): only they may spell the word
    String text = answer.text().replaceAll("\"(Inner)?Exceptions?\":null", "");
    assertThat(text).as("%s: no stack trace and no echo in %s", context, answer)
        .doesNotContain("Exception", "at dev.", "at com.", "java.lang", "<script", "OR 1=1");
    assertThat(answer.contentType()).as("%s: Content-Type of %s", context, answer).startsWith("application/json");
    if (answer.body().length > 0) {
      assertSafeTexts(answer.json(), context, answer);
    }
  }

  /** Every name and text in the answer is short, printable and free of markup. */
  private static void assertSafeTexts(JsonNode node, String context, HttpAnswer answer) {
    if (node.isTextual()) {
      assertSafe(node.textValue(), context, answer);
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      assertSafe(field.getKey(), context, answer);
      assertSafeTexts(field.getValue(), context, answer);
    }
    if (node.isArray()) {
      node.forEach(element -> assertSafeTexts(element, context, answer));
    }
  }

  private static void assertSafe(String text, String context, HttpAnswer answer) {
    assertThat(text.length()).as("%s: a short text in %s", context, answer).isLessThanOrEqualTo(MAX_TEXT);
    assertThat(text.chars().noneMatch(Character::isISOControl))
        .as("%s: no control characters in %s", context, answer).isTrue();
    assertThat(text).as("%s: no markup in %s", context, answer).doesNotContain("<", ">");
  }
}
