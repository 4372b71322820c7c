package dev.idvharness.stub.ironvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.stub.json.Json;
import java.math.BigDecimal;
import java.util.Map;

/** Builds the decision of a session: values compared type-agnostically, biometrics by convention (contract 2.2). */
final class Decision {

  private Decision() {}

  record Biometrics(boolean collected, boolean matched) {}

  static ObjectNode of(ValidateRequest request, Map<String, JsonNode> collected, boolean forceMismatch,
      Biometrics biometrics, boolean enrolled) {
    ObjectNode details = Json.object();
    boolean allCollected = !request.sessionData().isEmpty();
    boolean allMatch = !forceMismatch;
    for (ValidateRequest.Entry entry : request.sessionData()) {
      JsonNode seen = lookup(collected, entry);
      boolean match = seen != null && !forceMismatch && sameValue(seen, entry.value());
      allCollected &= seen != null;
      allMatch &= match;
      details.putObject(entry.key()).put("collected", seen != null).put("match", match);
    }
    boolean verified = allMatch && (!biometrics.collected() || biometrics.matched());
    ObjectNode body = Json.object();
    body.put("success", true);
    body.put("verifiedAction", verified);
    ObjectNode indicators = body.putObject("indicators");
    indicators.put("iv_is_values_collected", allCollected);
    indicators.put("iv_is_values_match", allMatch);
    indicators.set("iv_values_match_details", details);
    indicators.put("iv_is_biometrics_collected", biometrics.collected());
    indicators.put("iv_is_biometrics_match", biometrics.matched());
    indicators.put("iv_liveness", biometrics.collected());
    int frames = biometrics.collected() ? 30 : 0;
    indicators.putObject("iv_policy_violations")
        .put("has_violations", false)
        .put("total_frames", frames)
        .put("verified_frames", biometrics.matched() ? frames : 0)
        .putArray("violations");
    indicators.putArray("iv_biometrics_info");
    indicators.put("iv_user_enrolled", enrolled);
    indicators.put("iv_spoof_detected", false);
    indicators.put("idv_matching", false);
    indicators.put("driverLicenseCollected", false);
    indicators.put("idlive_liveness", false);
    indicators.put("regular_liveness", biometrics.collected());
    body.put("ivScore", (allMatch ? 1000 : 0) + (biometrics.matched() ? 1000 : 0));
    return body;
  }

  /** The collected value for an entry, under its key or any of its synonyms. */
  private static JsonNode lookup(Map<String, JsonNode> collected, ValidateRequest.Entry entry) {
    JsonNode value = collected.get(entry.key());
    for (int i = 0; value == null && i < entry.synonyms().size(); i++) {
      value = collected.get(entry.synonyms().get(i));
    }
    return value;
  }

  /** 35, "35" and "35.00" are the same value; other strings compare as text. */
  static boolean sameValue(JsonNode a, JsonNode b) {
    BigDecimal left = decimal(a);
    BigDecimal right = decimal(b);
    if (left != null && right != null) {
      return left.compareTo(right) == 0;
    }
    return a.asText().equals(b.asText());
  }

  private static BigDecimal decimal(JsonNode node) {
    if (node.isNumber()) {
      return node.decimalValue();
    }
    String text = node.asText().trim();
    if (text.isEmpty() || text.length() > 64) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }
}
