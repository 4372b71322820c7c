package dev.idvharness.config;

import static dev.idvharness.config.Key.Form.BOOLEAN;
import static dev.idvharness.config.Key.Form.FRACTION;
import static dev.idvharness.config.Key.Form.HTTP_URL;
import static dev.idvharness.config.Key.Form.INSTANT;
import static dev.idvharness.config.Key.Form.NON_NEGATIVE_INT;
import static dev.idvharness.config.Key.Form.NON_NEGATIVE_LONG;
import static dev.idvharness.config.Key.Form.POSITIVE_DECIMAL;
import static dev.idvharness.config.Key.Form.POSITIVE_INT;
import static dev.idvharness.config.Key.Form.POSITIVE_LONG;
import static dev.idvharness.config.Key.Form.RUN_ID;
import static dev.idvharness.config.Key.Form.TEXT;
import static dev.idvharness.config.Key.Form.listOf;
import static dev.idvharness.config.Key.Form.oneOf;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Every configuration key of the harness; docs/configuration.md is generated from these (ConfigurationReference). */
public final class Keys {

  public static final Key<TargetKind> TARGET_KEY = Key.of("harness.target", "local", oneOf(TargetKind.class),
      "local: start the stub server; remote: the vendors' endpoints from the environment");

  public static final Key<String> CYBERARK_BASE_URL = Key.of("cyberark.baseUrl", null, HTTP_URL,
      "CyberArk tenant URL (remote); the local stub's URL otherwise");
  public static final Key<String> CYBERARK_TENANT_ID = Key.of("cyberark.tenantId", "ABC1234", TEXT, "CyberArk TenantId");
  public static final Key<String> CYBERARK_USER = Key.of("cyberark.user", "mfa.push@idv.test", TEXT, "login to authenticate");
  public static final Key<String> CYBERARK_PASSWORD = Key.secret("cyberark.password", "password of cyberark.user");
  public static final Key<String> CYBERARK_OOB_MECHANISM = Key.of("cyberark.oobMechanism", "OTP", TEXT,
      "mechanism Name started with StartOOB");

  public static final Key<String> IRONVEST_BASE_URL = Key.of("ironvest.baseUrl", null, HTTP_URL,
      "IronVest validation endpoint base URL (remote); the local stub's URL otherwise");
  public static final Key<String> IRONVEST_API_KEY = Key.secret("ironvest.apiKey", "organisation API key (header apikey)");
  public static final Key<String> IRONVEST_CID = Key.of("ironvest.cid", "acme-bank", TEXT, "customer id");
  public static final Key<String> IRONVEST_UID = Key.of("ironvest.uid", "user-1", TEXT, "user id");
  public static final Key<String> IRONVEST_CSID = Key.of("ironvest.csid", null, TEXT, "a client SDK session id (remote)");
  public static final Key<String> IRONVEST_CLIENT_CERT = Key.of("ironvest.clientCert", null, TEXT,
      "PEM client certificate for mTLS");
  public static final Key<String> IRONVEST_CLIENT_KEY = Key.of("ironvest.clientKey", null, TEXT,
      "PEM private key (PKCS#8) for mTLS");

  public static final Key<String> STUBS_DIR = Key.of("harness.stubsDir", "stubs", TEXT,
      "local runs: the stub root dir (mappings/, data/, profiles/) to serve and to read stub users and keys from");

  public static final Key<String> STUB_ADMIN_TOKEN = Key.secret("harness.stubAdminToken",
      "the admin token of a stub server started with one (its IDV_ADMIN_TOKEN), for its stats and resets");
  public static final Key<String> STUB_ADMIN_TOKEN_FILE = Key.of("harness.stubAdminTokenFile", null, TEXT,
      "a file holding that token (the main job writes one for the stub it starts)");
  public static final Key<String> LOAD_STUB_URL_FILE = Key.of("load.stubUrlFile", null, TEXT,
      "a file holding the URL of a running stub server, read when neither base URL is given (the main job writes"
          + " one for the stub process it starts, and passes it to the simulations)");

  public static final Key<Long> HTTP_TIMEOUT_MS = Key.of("harness.httpTimeoutMs", "10000", POSITIVE_LONG,
      "per-request timeout of the harness clients");

  public static final Key<Long> POLL_INTERVAL_MS = Key.of("poll.intervalMs", "1000", POSITIVE_LONG,
      "CyberArk: wait between two Polls");
  public static final Key<Long> POLL_DEADLINE_MS = Key.of("poll.deadlineMs", "360000", POSITIVE_LONG,
      "CyberArk: give up polling after this long (failure 'deadline')");

  public static final Key<Long> VALIDATE_DEFAULT_WAIT_MS = Key.of("validate.defaultWaitMs", "200", POSITIVE_LONG,
      "IronVest: base wait when 'processing' carries no retryAfterMS (exponential backoff, full jitter)");
  public static final Key<Long> VALIDATE_MAX_BACKOFF_MS = Key.of("validate.maxBackoffMs", "5000", POSITIVE_LONG,
      "IronVest: cap of the exponential backoff");
  public static final Key<Long> VALIDATE_MIN_RETRY_AFTER_MS = Key.of("validate.minRetryAfterMs", "10", NON_NEGATIVE_LONG,
      "IronVest: retryAfterMS is clamped to at least this");
  public static final Key<Long> VALIDATE_MAX_RETRY_AFTER_MS = Key.of("validate.maxRetryAfterMs", "5000", POSITIVE_LONG,
      "IronVest: retryAfterMS is clamped to at most this");
  public static final Key<Integer> VALIDATE_UNAVAILABLE_RETRIES = Key.of("validate.unavailableRetries", "3", NON_NEGATIVE_INT,
      "IronVest: 503 answers retried at most this many times (honouring Retry-After)");
  public static final Key<Long> VALIDATE_DEADLINE_MS = Key.of("validate.deadlineMs", "30000", POSITIVE_LONG,
      "IronVest: give up after this long (failure 'deadline')");

  public static final Key<String> REPORTS_DIR = Key.of("reports.dir", "reports", TEXT, "where reports are written");
  public static final Key<Boolean> LOAD_ALLOW_REMOTE = Key.of("load.allowRemote", "false", BOOLEAN,
      "opt-in for load against a remote target (mind the vendors' rate limits)");
  public static final Key<Double> LOAD_IRONVEST_SHARE = Key.of("load.ironvestShare", "0.5", FRACTION,
      "RolloutSimulation: share of flows that are IronVest validations");

  // Load runs (Gatling simulations, docs/load.md): injection profiles, the load users' loop inputs, and the gates.
  public static final Key<LoadProfile> LOAD_PROFILE_KEY = Key.of("load.profile", "smoke", oneOf(LoadProfile.class),
      "injection profile: smoke (short, low rate), load (a rate for a duration), stress (a rising ramp), soak (long)");
  public static final Key<Double> LOAD_SMOKE_USERS_PER_SEC = Key.of("load.smokeUsersPerSec", "5", POSITIVE_DECIMAL,
      "smoke: new flows per second");
  public static final Key<Long> LOAD_SMOKE_SECONDS = Key.of("load.smokeSeconds", "30", POSITIVE_LONG,
      "smoke: seconds of injection");
  public static final Key<Double> LOAD_USERS_PER_SEC = Key.of("load.usersPerSec", "20", POSITIVE_DECIMAL,
      "load: new flows per second after the ramp");
  public static final Key<Long> LOAD_RAMP_SECONDS = Key.of("load.rampSeconds", "10", NON_NEGATIVE_LONG,
      "load and soak: seconds to ramp up from 0 to the rate");
  public static final Key<Long> LOAD_DURATION_SECONDS = Key.of("load.durationSeconds", "60", POSITIVE_LONG,
      "load: seconds at the rate, after the ramp");
  public static final Key<Double> LOAD_STRESS_START_USERS_PER_SEC = Key.of("load.stressStartUsersPerSec", "5",
      POSITIVE_DECIMAL, "stress: rate at the start of the ramp");
  public static final Key<Double> LOAD_STRESS_END_USERS_PER_SEC = Key.of("load.stressEndUsersPerSec", "200",
      POSITIVE_DECIMAL, "stress: rate at the end of the ramp");
  public static final Key<Long> LOAD_STRESS_SECONDS = Key.of("load.stressSeconds", "120", POSITIVE_LONG,
      "stress: seconds of the ramp");
  public static final Key<Double> LOAD_SOAK_USERS_PER_SEC = Key.of("load.soakUsersPerSec", "10", POSITIVE_DECIMAL,
      "soak: new flows per second");
  public static final Key<Double> LOAD_SOAK_MINUTES = Key.of("load.soakMinutes", "60", POSITIVE_DECIMAL,
      "soak: minutes at the rate (a fraction allowed: 0.5 is 30 s)");
  public static final Key<Long> LOAD_DRAIN_SECONDS = Key.of("load.drainSeconds", "30", POSITIVE_LONG,
      "after the injection, flows still running get this long; then the run stops and they count as 'unfinished'");
  public static final Key<Long> LOAD_CYBERARK_APPROVAL_MS = Key.of("load.cyberarkApprovalMs", "2000", NON_NEGATIVE_LONG,
      "CyberArk load users approve the push this long after StartOOB (login load.t<MS>.<id>@idv.test)");
  public static final Key<Double> LOAD_CYBERARK_OTHER_POD_SHARE = Key.of("load.cyberarkOtherPodShare", "0.05",
      FRACTION, "this share of CyberArk load users live on another pod: StartAuthentication answers "
      + "PodFqdn and the flow repeats it there (login segment .pod)");
  public static final Key<Double> LOAD_CYBERARK_NEW_PACKAGE_SHARE = Key.of("load.cyberarkNewPackageShare", "0.05",
      FRACTION, "this share of CyberArk load users get a NewPackage after the password, and the flow "
      + "restarts with its challenges (login segment .repack)");
  public static final Key<Integer> LOAD_IRONVEST_PROCESSING_CALLS = Key.of("load.ironvestProcessingCalls", "2",
      NON_NEGATIVE_INT, "IronVest load csids get this many 'processing' answers before the decision (csid p<N>)");
  public static final Key<Integer> LOAD_IRONVEST_RETRY_AFTER_MS = Key.of("load.ironvestRetryAfterMs", "250",
      NON_NEGATIVE_INT, "retryAfterMS of those answers (csid r<MS>); 0: none, the client backs off (csid noretry)");
  public static final Key<Long> LOAD_WARMUP_SECONDS = Key.of("load.warmupSeconds", "5", NON_NEGATIVE_LONG,
      "the stub's lag is judged on what it served after this many seconds of the run (a cold JVM is slow at first)");
  public static final Key<String> LOAD_SIMULATION = Key.of("load.simulation", "dev.idvharness.load.RolloutSimulation", TEXT,
      "the simulation a load generator (Generator) runs");
  public static final Key<Integer> LOAD_INJECTORS = Key.of("load.injectors", "1", POSITIVE_INT,
      "load generators of one run; each injects 1/N of the rate, with users and csids of its own");
  public static final Key<Integer> LOAD_INJECTOR_INDEX = Key.of("load.injectorIndex", "0", NON_NEGATIVE_INT,
      "this generator's index, 0 to N-1 (default: the Kubernetes Indexed Job's JOB_COMPLETION_INDEX when set)");
  public static final Key<String> LOAD_RUN_ID = Key.of("load.runId", null, RUN_ID,
      "the run's id, the same for every generator of the run (default: a new one per run)");
  public static final Key<Instant> LOAD_START_AT = Key.of("load.startAt", null, INSTANT,
      "when the injection starts, the same for every generator so that ramps line up (default: at once)");
  public static final Key<String> LOAD_RESULTS_DIR = Key.of("load.resultsDir", "target/load-records", TEXT,
      "where each generator writes its mergeable records: <dir>/<runId>/<injectorIndex>/<Simulation>/");
  public static final Key<Boolean> LOAD_GATLING_ASSERTIONS = Key.of("load.gatlingAssertions", "false", BOOLEAN,
      "declare Gatling's own assertions (failed requests, p95 and p99 per request name) for Gatling Enterprise, whose"
          + " managed generators cannot give the harness's gates; elsewhere the harness's gates are the one verdict");
  public static final Key<Double> SLA_FAILED_PERCENT = Key.of("sla.failedPercent", "1", POSITIVE_DECIMAL,
      "gate: failed requests, and failed flows, stay below this percentage");
  public static final Key<Integer> SLA_P95_MS = Key.of("sla.p95Ms", "500", POSITIVE_INT,
      "gate: 95th percentile response time of each request name at most this");
  public static final Key<Integer> SLA_P99_MS = Key.of("sla.p99Ms", "1000", POSITIVE_INT,
      "gate: 99th percentile response time of each request name at most this");
  public static final Key<Integer> SLA_CYBERARK_VERDICT_P95_MS = Key.of("sla.cyberarkVerdictP95Ms", "4000", POSITIVE_INT,
      "gate: CyberArk time to verdict (StartAuthentication to LoginSuccess), 95th percentile at most this");
  public static final Key<Integer> SLA_IRONVEST_VERDICT_P95_MS = Key.of("sla.ironvestVerdictP95Ms", "2000", POSITIVE_INT,
      "gate: IronVest time to verdict (first validate to the decision), 95th percentile at most this");
  public static final Key<Integer> SLA_MAX_STUB_LAG_MS = Key.of("sla.maxStubLagMs", "50", POSITIVE_INT,
      "local runs: a stub endpoint answering later than configured by more than this (lag p99) invalidates the run");
  public static final Key<Integer> SLA_MAX_GENERATOR_LAG_MS = Key.of("sla.maxGeneratorLagMs", "250", POSITIVE_INT,
      "a load generator whose own scheduling fell behind by more than this (lag p99 of a tick due every 100 ms)"
          + " invalidates the run: its figures measure the generator");

  public static final Key<String> DRIFT_RECORD = Key.of("drift.record", null, TEXT,
      "conformance runs: write the shapes of every @contract answer to this file (the drift command sets it)");
  public static final Key<Set<DriftKind>> DRIFT_FAIL_ON = Key.of("drift.failOn", "", listOf(DriftKind.class),
      "drift kinds that fail the drift command (comma-separated, e.g. type-changed,status-changed); none by default");

  /** Every key above, in the order declared: the list is never kept by hand (a new key is in it by being declared). */
  private static final List<Key<?>> ALL = Key.declared();

  private Keys() {}

  public static List<Key<?>> all() {
    return ALL;
  }
}
