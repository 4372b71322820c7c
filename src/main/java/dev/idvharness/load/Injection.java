package dev.idvharness.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import dev.idvharness.config.HarnessConfig;
import dev.idvharness.config.Keys;
import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An open-model injection profile (new flows per second, whatever the system's answer times): smoke, load, stress or
 * soak. {@link #rateAt} gives the rate injected at a moment of the run, so stress can name the rate where a gate broke.
 */
public record Injection(String profile, double startRate, double endRate, Duration ramp, Duration hold) {

  public static Injection from(HarnessConfig config) {
    String profile = config.get(Keys.LOAD_PROFILE_KEY);
    Duration ramp = Duration.ofSeconds(config.getLong(Keys.LOAD_RAMP_SECONDS));
    return switch (profile) {
      case "smoke" -> new Injection(profile, 0, config.getDouble(Keys.LOAD_SMOKE_USERS_PER_SEC), Duration.ZERO,
          Duration.ofSeconds(config.getLong(Keys.LOAD_SMOKE_SECONDS)));
      case "load" -> new Injection(profile, 0, config.getDouble(Keys.LOAD_USERS_PER_SEC), ramp,
          Duration.ofSeconds(config.getLong(Keys.LOAD_DURATION_SECONDS)));
      case "stress" -> new Injection(profile, config.getDouble(Keys.LOAD_STRESS_START_USERS_PER_SEC),
          config.getDouble(Keys.LOAD_STRESS_END_USERS_PER_SEC),
          Duration.ofSeconds(config.getLong(Keys.LOAD_STRESS_SECONDS)), Duration.ZERO);
      case "soak" -> new Injection(profile, 0, config.getDouble(Keys.LOAD_SOAK_USERS_PER_SEC), ramp,
          Duration.ofMillis(Math.round(config.getDouble(Keys.LOAD_SOAK_MINUTES) * 60_000)));
      default -> throw new IllegalStateException("unchecked load.profile " + profile);
    };
  }

  /** The same profile at a share of the rate (one scenario of a mix). */
  public Injection scaled(double share) {
    return new Injection(profile, startRate * share, endRate * share, ramp, hold);
  }

  public List<OpenInjectionStep> steps() {
    List<OpenInjectionStep> steps = new ArrayList<>();
    if (!ramp.isZero()) {
      steps.add(rampUsersPerSec(startRate).to(endRate).during(ramp));
    }
    if (!hold.isZero()) {
      steps.add(constantUsersPerSec(endRate).during(hold));
    }
    return steps;
  }

  public Duration duration() {
    return ramp.plus(hold);
  }

  /** New flows per second injected {@code secondsIntoRun} after the start. */
  public double rateAt(double secondsIntoRun) {
    double rampSeconds = ramp.toMillis() / 1000.0;
    if (secondsIntoRun >= rampSeconds) {
      return endRate;
    }
    return startRate + (endRate - startRate) * Math.max(0, secondsIntoRun) / rampSeconds;
  }

  public double peakRate() {
    return Math.max(startRate, endRate);
  }
}
