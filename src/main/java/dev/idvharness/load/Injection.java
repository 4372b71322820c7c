package dev.idvharness.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import dev.idvharness.config.HarnessConfig;
import dev.idvharness.config.Keys;
import dev.idvharness.config.LoadProfile;
import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An open-model injection profile (new flows per second, whatever the system's answer times): smoke, load, stress or
 * soak. {@link #rateAt} gives the rate injected at a moment of the run, so stress can name the rate where a gate broke.
 */
public record Injection(LoadProfile profile, double startRate, double endRate, Duration ramp, Duration hold) {

  public static Injection from(HarnessConfig config) {
    LoadProfile profile = config.get(Keys.LOAD_PROFILE_KEY);
    Duration ramp = Duration.ofSeconds(config.get(Keys.LOAD_RAMP_SECONDS));
    return switch (profile) {
      case SMOKE -> new Injection(profile, 0, config.get(Keys.LOAD_SMOKE_USERS_PER_SEC), Duration.ZERO,
          Duration.ofSeconds(config.get(Keys.LOAD_SMOKE_SECONDS)));
      case LOAD -> new Injection(profile, 0, config.get(Keys.LOAD_USERS_PER_SEC), ramp,
          Duration.ofSeconds(config.get(Keys.LOAD_DURATION_SECONDS)));
      case STRESS -> new Injection(profile, config.get(Keys.LOAD_STRESS_START_USERS_PER_SEC),
          config.get(Keys.LOAD_STRESS_END_USERS_PER_SEC),
          Duration.ofSeconds(config.get(Keys.LOAD_STRESS_SECONDS)), Duration.ZERO);
      case SOAK -> new Injection(profile, 0, config.get(Keys.LOAD_SOAK_USERS_PER_SEC), ramp,
          Duration.ofMillis(Math.round(config.get(Keys.LOAD_SOAK_MINUTES) * 60_000)));
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
