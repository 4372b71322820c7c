package dev.idvharness.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LongSummaryStatistics;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void ceilingDoublesFromTheBaseUpToTheCap() {
    assertThat(IntStream.range(0, 6).mapToLong(n -> Backoff.ceilingMs(n, 100, 1_000)).toArray())
        .containsExactly(100, 200, 400, 800, 1_000, 1_000);
  }

  @Test
  void ceilingNeverOverflowsForLargeAttempts() {
    assertThat(Backoff.ceilingMs(200, 100, 5_000)).isEqualTo(5_000);
    assertThat(Backoff.ceilingMs(61, Long.MAX_VALUE / 2, 5_000)).isEqualTo(5_000);
  }

  @Test
  void fullJitterStaysWithinZeroAndTheCeilingAndUsesTheWholeRange() {
    SplittableRandom random = new SplittableRandom(7);
    LongSummaryStatistics waits = IntStream.range(0, 2_000)
        .mapToLong(i -> Backoff.fullJitterMs(3, 100, 1_000, random)).summaryStatistics();
    assertThat(waits.getMin()).isBetween(0L, 100L);
    assertThat(waits.getMax()).isBetween(700L, 800L);
  }

  @Test
  void clampKeepsRetryAfterWithinMinAndMax() {
    assertThat(Backoff.clampMs(0, 10, 5_000)).isEqualTo(10);
    assertThat(Backoff.clampMs(250, 10, 5_000)).isEqualTo(250);
    assertThat(Backoff.clampMs(3_600_000, 10, 5_000)).isEqualTo(5_000);
  }

  @Test
  void retryAfterReadsDelaySecondsAndHttpDates() {
    ZonedDateTime now = ZonedDateTime.of(2025, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    assertThat(Backoff.retryAfterMs("2", now)).hasValue(2_000);
    assertThat(Backoff.retryAfterMs(DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(3)), now))
        .hasValue(3_000);
    assertThat(Backoff.retryAfterMs(DateTimeFormatter.RFC_1123_DATE_TIME.format(now.minusSeconds(3)), now))
        .hasValue(0);
  }

  @Test
  void retryAfterIgnoresWhatItCannotRead() {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    assertThat(Backoff.retryAfterMs(null, now)).isEmpty();
    assertThat(Backoff.retryAfterMs("soon", now)).isEmpty();
    assertThat(Backoff.retryAfterMs("-1", now)).isEmpty();
  }
}
