package com.example.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.junit.IdvStubExtension;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The service against the IronVest stub: verdicts, the retry discipline it keeps, and a vendor outage. */
class PaymentVerifierTest {

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance()
      .rootDir(Path.of(System.getProperty("idv.stubs.dir", "stubs")))
      .noDelays()
      .build();

  private final PaymentVerifier verifier =
      new PaymentVerifier(stub.baseUrl(), "acme-bank", stub.data().requireApiKeyOf("acme-bank"));

  /**
   * After every test, what the stub saw the service do: no call before retryAfterMS, no session given up at
   * "processing", no refused request sent again. A failure names each finding with an example.
   */
  @AfterEach
  void theServiceDidNothingTheVendorWouldFrownAt() {
    stub.clients().assertNoFindings();
  }

  @Test
  void approvesAfterProcessingAndNeverCallsBeforeRetryAfter() throws Exception {
    String csid = "checkout-p2-r50-" + UUID.randomUUID();

    boolean verified = verifier.verify(csid, "customer-1", 35.00);

    JsonNode calls = stub.admin().ironVestSession(csid);
    assertThat(verified).isTrue();
    assertThat(calls.path("polls").asInt()).as("calls that followed a 'processing' answer").isEqualTo(2);
    assertThat(calls.path("earlyPolls").asInt()).as("calls earlier than retryAfterMS").isZero();
  }

  @Test
  void refusesWhenTheValuesDoNotMatch() throws Exception {
    assertThat(verifier.verify("checkout-p0-mismatch-" + UUID.randomUUID(), "customer-1", 35.00)).isFalse();
  }

  @Test
  void aVendorOutageIsAnErrorNotAnApproval() {
    stub.admin().putEndpoint("ironvest.validate", "{\"faults\":{\"unavailableRate\":1.0}}");
    try {
      assertThatThrownBy(() -> verifier.verify("checkout-p0-" + UUID.randomUUID(), "customer-1", 35.00))
          .hasMessageContaining("HTTP 503");
    } finally {
      stub.admin().putEndpoint("ironvest.validate", "{\"faults\": {}}");   // a partial update: only the faults
    }
  }
}
