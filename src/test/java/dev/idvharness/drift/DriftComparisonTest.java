package dev.idvharness.drift;

import dev.idvharness.config.DriftKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.client.Exchange;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shapes and their differences, kind by kind, from answers written out here. */
class DriftComparisonTest {

  private static final URI VALIDATE = URI.create("http://127.0.0.1/v1/validate");
  private static final URI SEND = URI.create("http://127.0.0.1/CDirectoryService/SendIdentityVerification");
  private static final String DECISION = "{\"success\":true,\"verifiedAction\":true,\"indicators\":{\"iv_liveness\":true},"
      + "\"ivScore\":2000}";
  private static final String FAILURE = "{\"success\":false,\"Result\":null,\"Message\":\"m\","
      + "\"ErrorID\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6:7e1a\",\"IsSoftError\":false}";

  @Test
  void theSameAnswersGiveNoDifference() {
    assertThat(DriftComparison.compare(ironVest(DECISION), ironVest(DECISION))).isEmpty();
  }

  @Test
  void aFieldOnlyTheVendorSendsIsNewInVendor() {
    List<Difference> differences = DriftComparison.compare(ironVest(DECISION),
        ironVest(DECISION.replace("\"ivScore\"", "\"riskLevel\":\"low\",\"ivScore\"")));

    assertThat(differences).containsExactly(new Difference("ironvest.validate/decision", "riskLevel",
        DriftKind.NEW_IN_VENDOR, "absent", "string"));
  }

  @Test
  void aFieldTheVendorDropsIsMissingInVendor() {
    List<Difference> differences = DriftComparison.compare(
        ironVest("{\"errorMessage\":\"processing\",\"retryAfterMS\":100}"), ironVest("{\"errorMessage\":\"processing\"}"));

    assertThat(differences).extracting(Difference::path, Difference::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("retryAfterMS", DriftKind.MISSING_IN_VENDOR));
  }

  @Test
  void aFieldOfAnotherTypeIsTypeChanged() {
    List<Difference> differences = DriftComparison.compare(ironVest(DECISION),
        ironVest(DECISION.replace("2000", "\"2000\"")));

    assertThat(differences).containsExactly(new Difference("ironvest.validate/decision", "ivScore",
        DriftKind.TYPE_CHANGED, "integer", "string"));
  }

  @Test
  void anIdentifierOfAnotherFormIsFormatChanged() {
    List<Difference> differences = DriftComparison.compare(cyberArk(FAILURE),
        cyberArk(FAILURE.replace(":7e1a", "")));

    assertThat(differences).containsExactly(new Difference("cyberark.SendIdentityVerification.Answer/failure",
        "ErrorID", DriftKind.FORMAT_CHANGED, "guid:hex", "guid"));
  }

  @Test
  void anEnumerationValueTheStubsNeverSendIsANewValue() {
    List<Difference> differences = DriftComparison.compare(
        cyberArk("{\"success\":false,\"Result\":{\"Summary\":\"Failure\"}}"),
        cyberArk("{\"success\":false,\"Result\":{\"Summary\":\"LoginFailure\"}}"));

    assertThat(differences).containsExactly(new Difference("cyberark.SendIdentityVerification.Answer/failure",
        "Result.Summary", DriftKind.NEW_VALUE, "Failure", "LoginFailure"));
  }

  @Test
  void anotherStatusForTheSameRequestIsStatusChangedAndItsAnswerIsNew() {
    ShapeLog stub = log("ironvest", "case", exchange(VALIDATE, 422, "application/json", "{\"success\":false}"));
    ShapeLog vendor = log("ironvest", "case", exchange(VALIDATE, 403, "application/json", ""));

    assertThat(DriftComparison.compare(stub, vendor)).extracting(Difference::operation, Difference::path,
        Difference::kind).contains(
            org.assertj.core.groups.Tuple.tuple("ironvest.validate", "(status)", DriftKind.STATUS_CHANGED),
            org.assertj.core.groups.Tuple.tuple("ironvest.validate/403", "(answer)", DriftKind.NEW_IN_VENDOR),
            org.assertj.core.groups.Tuple.tuple("ironvest.validate/422", "(answer)",
                DriftKind.MISSING_IN_VENDOR));
  }

  @Test
  void anHtmlErrorIsContentTypeChanged() {
    ShapeLog stub = log("ironvest", "case", exchange(VALIDATE, 422, "application/json", "{\"success\":false}"));
    ShapeLog vendor = log("ironvest", "case", exchange(VALIDATE, 422, "text/html", "<h1>bad</h1>"));

    assertThat(DriftComparison.compare(stub, vendor)).extracting(Difference::kind)
        .contains(DriftKind.CONTENT_TYPE_CHANGED).doesNotContain(DriftKind.MISSING_IN_VENDOR);
  }

  @Test
  void aVendorTheVendorRunLeftOutIsNotCompared() {
    ShapeLog stub = cyberArk(FAILURE);
    ShapeLog vendor = log("ironvest", "other case", exchange(VALIDATE, 200, "application/json", DECISION));

    assertThat(DriftComparison.compare(stub, vendor)).extracting(Difference::operation)
        .allMatch(operation -> operation.startsWith("ironvest."));
  }

  @Test
  void shapesHoldNoValueButEnumerationsAndFormats() {
    ShapeLog log = log("cyberark", "case", exchange(URI.create("http://127.0.0.1/CDirectoryService/StartAuthentication"),
        200, "application/json", "{\"success\":true,\"Result\":{\"Summary\":\"NewPackage\",\"TenantId\":\"TENANT-SECRET\","
            + "\"ReturnData\":{\"SessionId\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"User\":\"jane.doe@bank.example\"}}}"));

    String written = log.shapes.toString() + new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(log);
    assertThat(written).doesNotContain("TENANT-SECRET").doesNotContain("jane.doe").doesNotContain("3fa85f64")
        .contains("NewPackage").contains("guid");
  }

  private static ShapeLog ironVest(String body) {
    return log("ironvest", "case", exchange(VALIDATE, 200, "application/json", body));
  }

  private static ShapeLog cyberArk(String body) {
    Exchange exchange = new Exchange("POST", SEND, Map.of(), "{\"Action\":\"Answer\",\"Answer\":\"pw\"}", 200,
        Map.of("Content-Type", List.of("application/json")), body, java.time.Duration.ZERO);
    return log("cyberark", "case", exchange);
  }

  private static ShapeLog log(String vendor, String caseId, Exchange exchange) {
    ShapeLog log = new ShapeLog();
    log.vendors.add(vendor);
    log.record(caseId, exchange);
    return log;
  }

  private static Exchange exchange(URI uri, int status, String contentType, String body) {
    return Exchange.received(uri, status, Map.of("Content-Type", List.of(contentType)), body);
  }
}
