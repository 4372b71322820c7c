package dev.idvharness.stub.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run-time behaviour of the stub server: latency and faults per endpoint, IronVest processing defaults,
 * the poll interval expected from CyberArk clients, and the session store limits. Loaded from
 * {@code stubs/profiles/*.json} and replaceable at run time through {@code PUT /__admin/idv/profile}.
 */
@JsonIgnoreProperties({"_comment"})
public record Profile(
    Map<String, EndpointProfile> endpoints,
    IronVest ironvest,
    CyberArk cyberark,
    Faults faults,
    Sessions sessions,
    PollDiscipline pollDiscipline,
    Limits limits) {

  public Profile {
    endpoints = endpoints == null ? Map.of() : new TreeMap<>(endpoints);
    for (Map.Entry<String, EndpointProfile> entry : endpoints.entrySet()) {
      if (!Endpoint.ALL.contains(entry.getKey())) {
        throw new IllegalArgumentException(
            "endpoints: unknown endpoint '" + entry.getKey() + "' (known: " + String.join(", ", Endpoint.ALL) + ")");
      }
      if (entry.getValue() == null) {
        throw new IllegalArgumentException("endpoints." + entry.getKey() + " must be an object");
      }
    }
    endpoints = Map.copyOf(endpoints);
    ironvest = ironvest == null ? new IronVest(null, null) : ironvest;
    cyberark = cyberark == null ? new CyberArk(null) : cyberark;
    faults = faults == null ? new Faults(null, null) : faults;
    sessions = sessions == null ? new Sessions(null, null) : sessions;
    pollDiscipline = pollDiscipline == null ? new PollDiscipline(null, null) : pollDiscipline;
    limits = limits == null ? new Limits(null, null) : limits;
  }

  public static Profile defaults() {
    return new Profile(null, null, null, null, null, null, null);
  }

  /** The settings for an endpoint, falling back to its parent (Poll to SendIdentityVerification), then to none. */
  public EndpointProfile endpoint(String name) {
    EndpointProfile own = endpoints.get(name);
    if (own != null) {
      return own;
    }
    String parent = Endpoint.parent(name);
    return parent != null && endpoints.containsKey(parent) ? endpoints.get(parent) : EndpointProfile.NONE;
  }

  public Profile withEndpoint(String name, EndpointProfile settings) {
    Map<String, EndpointProfile> changed = new TreeMap<>(endpoints);
    changed.put(name, settings);
    return new Profile(changed, ironvest, cyberark, faults, sessions, pollDiscipline, limits);
  }

  /** Latency and faults of one endpoint. */
  public record EndpointProfile(DelaySpec delay, FaultSpec faults) {
    public static final EndpointProfile NONE = new EndpointProfile(null, null);

    public EndpointProfile {
      delay = delay == null ? DelaySpec.NONE : delay;
      faults = faults == null ? FaultSpec.NONE : faults;
    }
  }

  /** IronVest: how many "processing" answers a csid gets before its decision, and the retryAfterMS they carry. */
  public record IronVest(Integer processingCalls, Integer retryAfterMs) {
    public IronVest {
      processingCalls = atLeast("ironvest.processingCalls", processingCalls, 1, 0);
      retryAfterMs = atLeast("ironvest.retryAfterMs", retryAfterMs, 100, 0);
    }
  }

  /** CyberArk: the shortest gap between two polls of a session that is not counted as an early poll. */
  public record CyberArk(Integer minPollIntervalMs) {
    public CyberArk {
      minPollIntervalMs = atLeast("cyberark.minPollIntervalMs", minPollIntervalMs, 500, 0);
    }
  }

  /** How a stall lasts, and the Retry-After (seconds) sent with a 503. */
  public record Faults(Integer stallMs, Integer retryAfterSeconds) {
    public Faults {
      stallMs = atLeast("faults.stallMs", stallMs, 60_000, 1);
      retryAfterSeconds = atLeast("faults.retryAfterSeconds", retryAfterSeconds, 1, 0);
    }
  }

  /** The session stores are bounded and expiring, so a long run cannot grow memory without limit. */
  public record Sessions(Integer maxEntries, Integer idleTtlSeconds) {
    public Sessions {
      maxEntries = atLeast("sessions.maxEntries", maxEntries, 1_000_000, 1);
      idleTtlSeconds = atLeast("sessions.idleTtlSeconds", idleTtlSeconds, 600, 1);
    }
  }

  /** Early-poll accounting: the slack allowed for timer granularity, and how many gaps each session keeps. */
  public record PollDiscipline(Integer toleranceMs, Integer gapsKept) {
    public PollDiscipline {
      toleranceMs = atLeast("pollDiscipline.toleranceMs", toleranceMs, 5, 0);
      gapsKept = atLeast("pollDiscipline.gapsKept", gapsKept, 32, 0);
    }
  }

  /**
   * What a request may cost: a body larger than {@code maxBodyBytes} is refused before it is read whole (the vendor's
   * answer to an unreadable body), so that many large bodies at once cannot fill the heap of a shared server.
   */
  public record Limits(Integer maxBodyBytes, Integer headerTimeoutMs) {
    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;
    /** A connection that has not sent one whole request head within this long (trickled headers) is closed. */
    public static final int DEFAULT_HEADER_TIMEOUT_MS = 10_000;

    public Limits {
      maxBodyBytes = atLeast("limits.maxBodyBytes", maxBodyBytes, DEFAULT_MAX_BODY_BYTES, 1_024);
      headerTimeoutMs = atLeast("limits.headerTimeoutMs", headerTimeoutMs, DEFAULT_HEADER_TIMEOUT_MS, 100);
    }
  }

  private static int atLeast(String field, Integer value, int fallback, int minimum) {
    if (value == null) {
      return fallback;
    }
    if (value < minimum) {
      throw new IllegalArgumentException(field + " must be an integer >= " + minimum);
    }
    return value;
  }
}
