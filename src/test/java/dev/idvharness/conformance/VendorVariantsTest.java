package dev.idvharness.conformance;

import dev.idvharness.config.DriftKind;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.config.HarnessConfig;
import dev.idvharness.drift.Difference;
import dev.idvharness.drift.DriftComparison;
import dev.idvharness.drift.ShapeLog;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.stub.openapi.OffDescription;
import dev.idvharness.run.Target;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vendors that keep every documented ([doc]) rule but differ from the stubs, each the stub server seen through one
 * change: the @contract run passes against each, and the drift report names the difference with its kind. The
 * stubs' side is recorded once, by the same scenarios against a stub of its own.
 */
@OffDescription("the suite talks to vendors that change the stubs' answers on purpose")
class VendorVariantsTest {

  private static final String USER = "load.p2.variant@idv.test";
  private static final String CSID = "variant-p1-r10";
  private static final String UID = "variant-user";
  private static final String CONTRACT = "@contract and not @stub";

  /** The stubs' side of every comparison. */
  @RegisterExtension
  static IdvStubExtension reference = IdvStubExtension.newInstance().noDelays().https(true).build();

  /** Behind each variant: a fresh stub, so that sessions start as they did on the stubs' side. */
  @RegisterExtension
  IdvStubExtension upstream = IdvStubExtension.newInstance().noDelays().build();

  @TempDir
  static Path shapes;

  private static ShapeLog stubSide;
  private ShapeLog vendorSide;

  @BeforeAll
  static void recordTheStubsSide() {
    Path file = shapes.resolve("stub.json");
    Map<String, String> settings = new HashMap<>(common());
    settings.put("drift.record", file.toString());
    List<SuiteRun.Result> results = SuiteRun.of(Target.overStub(HarnessConfig.from(settings, Map.of(),
        Map.of()), reference.server()), CONTRACT, "variants-stub-side");
    assertThat(results).filteredOn(SuiteRun.Result::failed).as("the stubs' own run").isEmpty();
    stubSide = ShapeLog.load(file);
  }

  @Test
  void theStubsThemselvesShowNoDifference() {
    assertThat(driftAgainst("identity", answer -> { })).isEmpty();
  }

  @Test
  void aFieldTheStubsNeverSendIsNewInVendor() {
    List<Difference> drift = driftAgainst("added-field", answer -> answer.json(body -> body.put("traceId", "t-1")));

    assertThat(drift).anySatisfy(difference -> {
      assertThat(difference.path()).isEqualTo("traceId");
      assertThat(difference.kind()).isEqualTo(DriftKind.NEW_IN_VENDOR);
    });
  }

  @Test
  void anOptionalFieldTheVendorDropsIsMissingInVendor() {
    List<Difference> drift = driftAgainst("no-retry-after", answer -> answer.json(body -> body.remove("retryAfterMS")));

    assertThat(drift).contains(new Difference("ironvest.validate/processing", "retryAfterMS",
        DriftKind.MISSING_IN_VENDOR, "integer", "absent"));
  }

  @Test
  void aFieldOfAnotherTypeIsTypeChanged() {
    // the vendor's page types IsSoftError as a string; public clients and the stubs send a boolean
    List<Difference> drift = driftAgainst("soft-error-string", answer -> answer.json(body -> {
      if (body.has("IsSoftError")) {
        body.put("IsSoftError", body.get("IsSoftError").asText());
      }
    }));

    assertThat(drift).anySatisfy(difference -> {
      assertThat(difference.path()).isEqualTo("IsSoftError");
      assertThat(difference.kind()).isEqualTo(DriftKind.TYPE_CHANGED);
      assertThat(difference.vendor()).isEqualTo("string");
    });
  }

  @Test
  void anIdentifierOfAnotherFormIsFormatChanged() {
    List<Difference> drift = driftAgainst("plain-error-id", answer -> answer.json(body -> {
      if (body.path("ErrorID").isTextual()) {
        body.put("ErrorID", body.get("ErrorID").asText().replaceAll(":.*", ""));
      }
    }));

    assertThat(drift).anySatisfy(difference -> {
      assertThat(difference.path()).isEqualTo("ErrorID");
      assertThat(difference.kind()).isEqualTo(DriftKind.FORMAT_CHANGED);
      assertThat(difference.vendor()).isEqualTo("guid");
    });
  }

  @Test
  void anotherDocumentedStatusAndNoErrorBodyAreStatusAndContentChanges() {
    // the key checked against the cid first: a body without a readable cid is 403, and 403/422 carry no body
    List<Difference> drift = driftAgainst("key-first-no-bodies", answer -> {
      if (answer.isValidate() && answer.status == 422 && !answer.requestBody.contains("\"cid\":\"")) {
        answer.status = 403;
      }
      if (answer.isValidate() && (answer.status == 403 || answer.status == 422)) {
        answer.body = "";
        answer.contentType = null;
      }
    });

    assertThat(drift).extracting(Difference::kind)
        .contains(DriftKind.STATUS_CHANGED, DriftKind.CONTENT_TYPE_CHANGED);
  }

  @Test
  void aSummaryValueTheStubsNeverSendIsANewValue() {
    List<Difference> drift = driftAgainst("new-summary", answer -> answer.json(body -> {
      if ("Undefined".equals(body.path("Result").path("Summary").asText(null))) {
        ((ObjectNode) body.get("Result")).put("Summary", "UserRequired");
      }
    }));

    assertThat(drift).contains(new Difference("cyberark.StartAuthentication/failure", "Result.Summary",
        DriftKind.NEW_VALUE, "Undefined", "UserRequired"));
    assertThat(vendorSide.rules).as("the [client] check that did not hold is a note, not a failure")
        .anySatisfy(note -> {
          assertThat(note.scenario()).startsWith("1.4-12");
          assertThat(note.source()).isEqualTo("client");
          assertThat(note.broken()).contains("Result.Summary must be Undefined");
        });
  }

  /** Runs the @contract scenarios against the variant (they must all pass) and compares its answers with the stubs'. */
  private List<Difference> driftAgainst(String name, Consumer<VariantVendor.Answer> variation) {
    Path file = shapes.resolve(name + ".json");
    try (VariantVendor vendor = VariantVendor.start(upstream.baseUrl(), variation)) {
      Map<String, String> environment = new HashMap<>(Map.of(
          "HARNESS_TARGET", "remote",
          "CYBERARK_BASE_URL", vendor.baseUrl(),
          "CYBERARK_TENANT_ID", "ABC1234",
          "CYBERARK_USER", USER,
          "CYBERARK_PASSWORD", upstream.data().passwordOf(USER),
          "IRONVEST_BASE_URL", vendor.baseUrl(),
          "IRONVEST_API_KEY", upstream.data().requireApiKeyOf("acme-bank"),
          "IRONVEST_CID", "acme-bank",
          "IRONVEST_UID", UID,
          "IRONVEST_CSID", CSID));
      environment.put("POLL_INTERVAL_MS", "50");
      List<SuiteRun.Result> results = SuiteRun.of(Target.forConformance(HarnessConfig.from(
          Map.of("drift.record", file.toString()), environment, Map.of())), CONTRACT, "variant-" + name);

      assertThat(results).filteredOn(result -> !result.tags().contains("mtls")).isNotEmpty()
          .allSatisfy(result -> assertThat(result.status()).as("%s: %s", result.name(), result.reason())
              .isEqualTo(org.junit.platform.engine.TestExecutionResult.Status.SUCCESSFUL));
    }
    vendorSide = ShapeLog.load(file);
    return DriftComparison.compare(stubSide, vendorSide);
  }

  private static Map<String, String> common() {
    return Map.of("cyberark.user", USER, "ironvest.csid", CSID, "ironvest.uid", UID, "poll.intervalMs", "50");
  }
}
