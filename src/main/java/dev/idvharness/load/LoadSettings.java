package dev.idvharness.load;

import dev.idvharness.client.PollSettings;
import dev.idvharness.client.ValidateSettings;
import dev.idvharness.config.ConfigException;
import dev.idvharness.config.HarnessConfig;
import dev.idvharness.config.Keys;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Every knob of a load run, read once from the harness configuration (docs/configuration.md lists the keys).
 * {@code injection} is this generator's share of {@code totalInjection} (1/N of the rate with N generators).
 */
public record LoadSettings(
    Injection totalInjection,
    Duration drain,
    String cyberArkTenantId,
    String cyberArkOobMechanism,
    long cyberArkApprovalMs,
    CyberArkQuirks cyberArkQuirks,
    PollSettings poll,
    String ironVestCid,
    int ironVestProcessingCalls,
    int ironVestRetryAfterMs,
    ValidateSettings validate,
    double ironVestShare,
    Sla sla,
    Path reportsDir,
    Sharding sharding,
    Duration warmup) {

  /**
   * Shares of CyberArk load users that meet what real clients handle: a tenant on another pod (PodFqdn), a NewPackage
   * after the password.
   */
  public record CyberArkQuirks(double otherPodShare, double newPackageShare) {}

  /** The service levels the gates check. */
  public record Sla(double failedPercent, int p95Ms, int p99Ms, int cyberArkVerdictP95Ms, int ironVestVerdictP95Ms,
      int maxStubLagMs, int maxGeneratorLagMs) {

    public int verdictP95Ms(String flow) {
      return CyberArkVerificationChain.NAME.equals(flow) ? cyberArkVerdictP95Ms : ironVestVerdictP95Ms;
    }
  }

  /**
   * Which generator this is, of how many, in which run, starting when, writing its records where. Generators of one
   * run share the run id and the start time; each has users and csids of its own (its index is in their ids).
   */
  public record Sharding(int injectors, int injectorIndex, String runId, Instant startAt, Path resultsDir) {

    /** A prefix that makes ids of this generator distinct from every other's, in this run and any other. */
    public String idPrefix() {
      return runId + "-i" + injectorIndex;
    }
  }

  public static LoadSettings from(HarnessConfig config) {
    int injectors = config.get(Keys.LOAD_INJECTORS);
    int index = config.get(Keys.LOAD_INJECTOR_INDEX);
    if (index >= injectors) {
      throw new ConfigException("load.injectorIndex " + index + " is not below load.injectors " + injectors
          + " (an index runs from 0 to N-1)");
    }
    Sharding sharding = new Sharding(injectors, index,
        config.find(Keys.LOAD_RUN_ID).orElseGet(LoadSettings::newRunId),
        config.find(Keys.LOAD_START_AT).orElse(null),
        Path.of(config.get(Keys.LOAD_RESULTS_DIR)));
    return new LoadSettings(
        Injection.from(config),
        Duration.ofSeconds(config.get(Keys.LOAD_DRAIN_SECONDS)),
        config.get(Keys.CYBERARK_TENANT_ID),
        config.get(Keys.CYBERARK_OOB_MECHANISM),
        config.get(Keys.LOAD_CYBERARK_APPROVAL_MS),
        new CyberArkQuirks(config.get(Keys.LOAD_CYBERARK_OTHER_POD_SHARE),
            config.get(Keys.LOAD_CYBERARK_NEW_PACKAGE_SHARE)),
        PollSettings.from(config),
        config.get(Keys.IRONVEST_CID),
        config.get(Keys.LOAD_IRONVEST_PROCESSING_CALLS),
        config.get(Keys.LOAD_IRONVEST_RETRY_AFTER_MS),
        ValidateSettings.from(config),
        config.get(Keys.LOAD_IRONVEST_SHARE),
        new Sla(
            config.get(Keys.SLA_FAILED_PERCENT),
            config.get(Keys.SLA_P95_MS),
            config.get(Keys.SLA_P99_MS),
            config.get(Keys.SLA_CYBERARK_VERDICT_P95_MS),
            config.get(Keys.SLA_IRONVEST_VERDICT_P95_MS),
            config.get(Keys.SLA_MAX_STUB_LAG_MS),
            config.get(Keys.SLA_MAX_GENERATOR_LAG_MS)),
        Path.of(config.get(Keys.REPORTS_DIR)),
        sharding,
        Duration.ofSeconds(config.get(Keys.LOAD_WARMUP_SECONDS)));
  }

  static String newRunId() {
    return "run" + Long.toString(System.currentTimeMillis(), 36);
  }

  /** The longer of the two loops' deadlines: how long a flow may be in flight. */
  public long longestDeadlineMs() {
    return Math.max(poll.deadlineMs(), validate.deadlineMs());
  }

  /** This generator's share of the injection: 1/N of the open-model rate. */
  public Injection injection() {
    return totalInjection.scaled(1.0 / sharding.injectors());
  }

  /** The whole run, bounded: injection, then the drain for flows still running. Gatling stops there by itself. */
  public Duration maxDuration() {
    return totalInjection.duration().plus(drain);
  }

  /**
   * What every generator of one run must share for their records to add up: the injection, the loops, the gates.
   * The merge refuses records whose settings differ.
   */
  public String fingerprint() {
    return String.format(Locale.ROOT, "%s %s..%s/s ramp %ds hold %ds; drain %ds; poll %d/%d ms; validate %s; "
            + "tenant %s; cid %s; approval %d ms; quirks %s; processing %d x %d ms; share %s; sla %s",
        totalInjection.profile().label(), totalInjection.startRate(), totalInjection.endRate(),
        totalInjection.ramp().toSeconds(), totalInjection.hold().toSeconds(), drain.toSeconds(), poll.intervalMs(),
        poll.deadlineMs(), validate, cyberArkTenantId, ironVestCid, cyberArkApprovalMs, cyberArkQuirks, ironVestProcessingCalls,
        ironVestRetryAfterMs, ironVestShare, sla);
  }
}
