package dev.idvharness.load;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.client.StubAdminClient;
import dev.idvharness.config.ConfigException;
import dev.idvharness.config.LoadProfile;
import dev.idvharness.config.HarnessConfig;
import dev.idvharness.config.Keys;
import dev.idvharness.json.HarnessJson;
import dev.idvharness.report.RunReportFiles;
import dev.idvharness.run.Target;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the simulations share: the configuration and target, read and checked before any traffic (a bad one stops the
 * run with one line); a recorder per flow; and at the end this generator's mergeable records, then (one generator)
 * the gates and the reports, or (several) the records only, for the merge to give the one verdict.
 */
public abstract class LoadSimulation extends Simulation {

  /** The farthest a shared start time may lie ahead: a start an hour away is a mistake, not a plan. */
  private static final Duration MAX_WAIT_FOR_START = Duration.ofMinutes(30);

  protected final LoadSettings settings;
  protected final Target target;
  /** Makes this generator's user and csid ids distinct from every other's. */
  protected final String runId;
  private final Map<String, FlowRecorder> recorders = new LinkedHashMap<>();
  private final boolean remote;
  private final StubAdminClient stubAdmin;
  private volatile long startedAt = System.currentTimeMillis();
  private final RunMonitor monitor;
  /** Descriptors for the end of the run, whatever the run used up (taken in the constructor, given back in after). */
  private ReservedFiles reservedFiles;
  /** Stress only: stops the injection once the knee is clear (null for the other profiles). */
  private final StressGuard guard;
  private final boolean gatlingAssertions;

  protected LoadSimulation() {
    try {
      LoadContext context = LoadContext.forSimulation();
      HarnessConfig config = context.config();
      settings = context.settings();
      Instant startAt = settings.sharding().startAt();
      if (startAt != null && startAt.isAfter(Instant.now().plus(MAX_WAIT_FOR_START))) {
        throw new ConfigException("load.startAt " + startAt + " is more than " + MAX_WAIT_FOR_START.toMinutes()
            + " minutes ahead: give a start time shortly after every generator is up");
      }
      remote = config.isRemote();
      gatlingAssertions = config.get(Keys.LOAD_GATLING_ASSERTIONS);
      target = Target.forLoad(config);
      stubAdmin = target.stubUrl() == null ? null : new StubAdminClient(target.stubUrl(), target.stubAdminToken());
      runId = settings.sharding().idPrefix();
      ResourceBudget.check(settings);
      guard = settings.totalInjection().profile() == LoadProfile.STRESS
          ? new StressGuard(settings, settings.longestDeadlineMs()) : null;
      // the last step writes records and reports with classes nothing loaded yet: at the open-file limit a jar can
      // no longer be opened to load them, and the run would lose its results
      RunClasses.loadAll();
      reservedFiles = ReservedFiles.take();
      monitor = new RunMonitor(getClass().getSimpleName(), settings, stubAdmin, guard, recorders::values);
    } catch (ConfigException bad) {
      System.err.println("load: " + bad.getMessage());
      throw bad;
    }
  }

  protected FlowRecorder recorder(String flow) {
    return recorders.computeIfAbsent(flow,
        name -> new FlowRecorder(name, FlowNames.group(name), () -> startedAt, guard));
  }

  /**
   * Gatling's own per-request assertions, declared only with {@code load.gatlingAssertions=true} (Gatling
   * Enterprise, where the harness's records stay on the managed generators): everywhere else the verdict is the
   * harness's gates (the same thresholds, {@link Gates}), and thresholds nothing checks are not declared.
   */
  protected List<Assertion> requestAssertions(Map<String, List<String>> requestsByGroup) {
    List<Assertion> assertions = new ArrayList<>();
    if (!gatlingAssertions) {
      return assertions;
    }
    assertions.add(global().failedRequests().percent().lt(settings.sla().failedPercent()));
    requestsByGroup.forEach((group, requests) -> {
      for (String request : requests) {
        assertions.add(details(group, request).responseTime().percentile(95).lte(settings.sla().p95Ms()));
        assertions.add(details(group, request).responseTime().percentile(99).lte(settings.sla().p99Ms()));
      }
    });
    return assertions;
  }

  /** Stub statistics cover this simulation only, after its warm-up; generators of one run start together. */
  @Override
  public void before() {
    if (stubAdmin != null) {
      stubAdmin.reset();
    }
    waitForTheSharedStart();
    startedAt = System.currentTimeMillis();
    System.out.println("load: " + getClass().getSimpleName() + " injects from now (generator "
        + settings.sharding().injectorIndex() + " of " + settings.sharding().injectors() + ")");
    monitor.start(startedAt);
  }

  /** The run on one screen: per flow what happened, the gates' verdict, and where the reports are. */
  private void printSummary(String simulation, List<FlowResult> flows, List<GateResult> gates) {
    long failed = gates.stream().filter(gate -> !gate.passed()).count();
    StringBuilder out = new StringBuilder("\n== load: ").append(simulation).append(", run ")
        .append(settings.sharding().runId()).append('\n');
    for (FlowResult flow : flows) {
      out.append(String.format(Locale.ROOT, "   %-22s %6d started %6d verdicts %5d failed   time to verdict"
          + " p50 %5d ms  p95 %5d ms  p99 %5d ms%n", FlowNames.title(flow.flow()), flow.started(), flow.verdicts(),
          flow.failed(), flow.timeToVerdictMs(50), flow.timeToVerdictMs(95), flow.timeToVerdictMs(99)));
    }
    out.append("   gates: ").append(failed == 0 ? "all " + gates.size() + " hold" : failed + " of " + gates.size()
        + " broken").append("\n   reports: ").append(settings.reportsDir().resolve("index.html").toAbsolutePath())
        .append('\n');
    System.out.print(out);
  }

  private void waitForTheSharedStart() {
    Instant startAt = settings.sharding().startAt();
    if (startAt == null) {
      return;
    }
    long waitMs = Duration.between(Instant.now(), startAt).toMillis();
    if (waitMs <= 0) {
      System.out.println("load: load.startAt " + startAt + " has passed; starting at once");
      return;
    }
    System.out.println("load: generator " + settings.sharding().injectorIndex() + " waits " + waitMs
        + " ms for load.startAt " + startAt);
    try {
      Thread.sleep(waitMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void after() {
    if (reservedFiles != null) {
      reservedFiles.release();
    }
    try {
      RunMonitor.Watched watched = monitor.stop();
      long endedAt = System.currentTimeMillis();
      List<FlowResult> flows = recorders.values().stream().map(FlowRecorder::result).toList();
      StubHealth stub = stubAdmin == null ? null : StubHealth.read(stubAdmin);
      LoadSettings.Sharding sharding = settings.sharding();
      String simulation = getClass().getSimpleName();
      GeneratorRecords records = new GeneratorRecords(new GeneratorRecords.Meta(sharding.runId(), simulation,
          sharding.injectorIndex(), sharding.injectors(), settings.fingerprint(), FlowResult.DIGITS, startedAt,
          endedAt, remote, settings.sla(), settings.totalInjection()), flows, stub, watched.generator());
      records.write(GeneratorRecords.dir(sharding.resultsDir(), sharding.runId(), sharding.injectorIndex(),
          simulation));
      ObjectNode extra = HarnessJson.MAPPER.createObjectNode();
      if (watched.memory() != null) {
        extra.set("memory", watched.memory());
      }
      if (guard != null && guard.stop() != null) {
        extra.set("stressStop", guard.stop().toJson());
      }
      if (stubAdmin != null) {
        // what the harness's own clients did that the stub would name in a team's client; a stub that is gone
        // (stopped mid-run) leaves it out, the gates say the rest
        try {
          extra.set("clients", stubAdmin.clients().json());
        } catch (RuntimeException gone) {
          System.out.println("load: no client report: the stub did not answer (" + gone.getClass().getSimpleName()
              + ")");
        }
      }
      if (sharding.injectors() > 1) {
        System.out.println("load: generator " + sharding.injectorIndex() + " of " + sharding.injectors()
            + " wrote its records to " + sharding.resultsDir().resolve(sharding.runId())
            + "; one verdict comes from LoadMerge " + sharding.resultsDir().resolve(sharding.runId()));
        return;
      }
      List<GateResult> gates = RunRecords.report(settings.reportsDir(), RunRecords.merge(List.of(records)), extra);
      gates.forEach(gate -> System.out.println("load: " + gate.message()));
      printSummary(simulation, flows, gates);
      long failed = gates.stream().filter(gate -> !gate.passed()).count();
      if (failed > 0) {
        // not thrown: an exception here would stop Gatling before its report and its own assertions
        System.out.println("load: " + failed + " gate(s) of " + simulation + " failed, see "
            + RunReportFiles.gatlingDir(settings.reportsDir()).resolve("gates.xml") + " (-Pload verify fails on them)");
      }
    } finally {
      target.close();
    }
  }
}
