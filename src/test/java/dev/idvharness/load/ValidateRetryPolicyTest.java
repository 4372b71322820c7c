package dev.idvharness.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.load.ValidateRetryPolicy.Answer;
import dev.idvharness.load.ValidateRetryPolicy.Next;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

class ValidateRetryPolicyTest {

  private static final ValidateRetryPolicy POLICY = new ValidateRetryPolicy(200, 5000, 10, 5000, 3);
  private static final LongUnaryOperator FULL = bound -> bound;

  private static Answer processing(Long retryAfterMs) {
    return new Answer(200, "processing", retryAfterMs, null, null, null);
  }

  @Test
  void processingWaitsRetryAfterClampedToTheConfiguredRange() {
    assertThat(POLICY.next(processing(250L), 0, 0, FULL).waitMs()).isEqualTo(250);
    assertThat(POLICY.next(processing(1L), 0, 0, FULL).waitMs()).isEqualTo(10);
    assertThat(POLICY.next(processing(60_000L), 0, 0, FULL).waitMs()).isEqualTo(5000);
    assertThat(POLICY.next(processing(250L), 0, 0, FULL).backedOff()).isFalse();
  }

  @Test
  void processingWithoutRetryAfterBacksOffExponentiallyUpToTheCapWithFullJitter() {
    assertThat(POLICY.next(processing(null), 0, 0, FULL).waitMs()).isEqualTo(200);
    assertThat(POLICY.next(processing(null), 3, 0, FULL).waitMs()).isEqualTo(1600);
    assertThat(POLICY.next(processing(null), 40, 0, FULL).waitMs()).isEqualTo(5000);
    assertThat(POLICY.next(processing(null), 3, 0, bound -> bound / 2).waitMs()).isEqualTo(800);
    assertThat(POLICY.next(processing(null), 0, 0, FULL).backedOff()).isTrue();
  }

  @Test
  void unavailableIsRetriedHonouringRetryAfterAtMostTheConfiguredTimes() {
    Answer unavailable = new Answer(503, null, null, "1", false, null);
    Next retry = POLICY.next(unavailable, 0, 2, FULL);
    assertThat(retry.waitMs()).isEqualTo(1000);
    assertThat(retry.unavailable()).isTrue();
    assertThat(retry.failure()).isNull();
    assertThat(POLICY.next(unavailable, 0, 3, FULL).failure()).isEqualTo("unavailable after 3 retries");
    assertThat(POLICY.next(new Answer(503, null, null, null, false, null), 2, 0, FULL).waitMs()).isEqualTo(800);
  }

  @Test
  void decisionsAndTerminalAnswersEndTheLoop() {
    assertThat(POLICY.next(new Answer(200, null, null, null, true, true), 0, 0, FULL).decided()).isTrue();
    assertThat(POLICY.next(new Answer(200, null, null, null, true, false), 0, 0, FULL).failure())
        .isEqualTo("not verified");
    assertThat(POLICY.next(new Answer(200, "session not found", null, null, null, null), 0, 0, FULL).failure())
        .isEqualTo("application error");
    assertThat(POLICY.next(new Answer(403, null, null, null, false, null), 0, 0, FULL).failure())
        .isEqualTo("status 403");
  }
}
