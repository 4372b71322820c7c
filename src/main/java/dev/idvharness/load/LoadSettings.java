package dev.idvharness.load;

import dev.idvharness.client.PollSettings;
import dev.idvharness.client.ValidateSettings;
import dev.idvharness.config.HarnessConfig;
import dev.idvharness.config.Keys;
import java.nio.file.Path;
import java.time.Duration;

/** Every knob of a load run, read once from the harness configuration (docs/configuration.md lists the keys). */
public record LoadSettings(
    Injection injection,
    Duration drain,
    String cyberArkTenantId,
    String cyberArkOobMechanism,
    long cyberArkApprovalMs,
    PollSettings poll,
    String ironVestCid,
    int ironVestProcessingCalls,
    int ironVestRetryAfterMs,
    ValidateSettings validate,
    double ironVestShare,
    Sla sla,
    Path reportsDir) {

  /** The service levels the gates check. */
  public record Sla(double failedPercent, int p95Ms, int p99Ms, int cyberArkVerdictP95Ms, int ironVestVerdictP95Ms,
      int maxStubLagMs) {

    public int verdictP95Ms(String flow) {
      return CyberArkVerificationChain.NAME.equals(flow) ? cyberArkVerdictP95Ms : ironVestVerdictP95Ms;
    }
  }

  public static LoadSettings from(HarnessConfig config) {
    return new LoadSettings(
        Injection.from(config),
        Duration.ofSeconds(config.getLong(Keys.LOAD_DRAIN_SECONDS)),
        config.get(Keys.CYBERARK_TENANT_ID),
        config.get(Keys.CYBERARK_OOB_MECHANISM),
        config.getLong(Keys.LOAD_CYBERARK_APPROVAL_MS),
        PollSettings.from(config),
        config.get(Keys.IRONVEST_CID),
        config.getInt(Keys.LOAD_IRONVEST_PROCESSING_CALLS),
        config.getInt(Keys.LOAD_IRONVEST_RETRY_AFTER_MS),
        ValidateSettings.from(config),
        config.getDouble(Keys.LOAD_IRONVEST_SHARE),
        new Sla(
            config.getDouble(Keys.SLA_FAILED_PERCENT),
            config.getInt(Keys.SLA_P95_MS),
            config.getInt(Keys.SLA_P99_MS),
            config.getInt(Keys.SLA_CYBERARK_VERDICT_P95_MS),
            config.getInt(Keys.SLA_IRONVEST_VERDICT_P95_MS),
            config.getInt(Keys.SLA_MAX_STUB_LAG_MS)),
        Path.of(config.get(Keys.REPORTS_DIR)));
  }

  /** The whole run, bounded: injection, then the drain for flows still running. Gatling stops there by itself. */
  public Duration maxDuration() {
    return injection.duration().plus(drain);
  }
}
