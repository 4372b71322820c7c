package dev.idvharness.stub.clients;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.stub.json.Json;
import dev.idvharness.stub.stats.PollRecord;

/**
 * What one request told about its client, gathered while the vendor logic answers it and recorded once in the
 * {@link ClientReport} afterwards: which client sent it, on which session, whether it came early or after the end,
 * and whether its answer leaves the session waiting for the next call. Never the body or a header value that could
 * carry a secret: only ids, counts and times.
 */
public final class ClientCall {

  private final String vendor;
  private final String endpoint;
  private final String userAgent;
  private String client;
  private String session;
  private ObjectNode earlyPoll;
  private boolean afterEnd;
  private long awaitsWithinMs = -1;

  /**
   * @param endpoint the statistics name of the request (one per operation, whatever the path's case)
   * @param userAgent the header as sent (null when absent); the report shows at most a few, made printable
   */
  public ClientCall(String vendor, String endpoint, String userAgent) {
    this.vendor = vendor;
    this.endpoint = endpoint;
    this.userAgent = userAgent;
  }

  /** The client: the IronVest cid or the CyberArk tenant, as the vendor logic read it. */
  public void client(String id) {
    this.client = ClientReport.shortId(id);
  }

  /** The session the call was on (an IronVest cid and csid, a CyberArk SessionId): a call on it ends its wait. */
  public void session(String key) {
    this.session = key;
  }

  /** What {@link PollRecord#onCall} returned: the interval this call was asked to keep when it came early, else -1. */
  public void polled(PollRecord polls, long askedMs) {
    if (askedMs >= 0) {
      earlyPoll(polls.lastGapMs(), askedMs);
    }
  }

  void earlyPoll(long gapMs, long expectedGapMs) {
    earlyPoll = Json.object().put("endpoint", endpoint).put("session", ClientReport.shortId(session))
        .put("gapMs", gapMs).put("expectedGapMs", expectedGapMs);
  }

  public void afterEnd() {
    afterEnd = true;
  }

  /** The answer leaves the session waiting: the client should call again after {@code hintMs}. */
  public void awaits(long hintMs) {
    awaitsWithinMs = Math.max(ClientReport.MIN_ABANDON_MS, ClientReport.ABANDON_FACTOR * Math.max(0, hintMs));
  }

  String vendor() {
    return vendor;
  }

  String endpoint() {
    return endpoint;
  }

  String userAgent() {
    return userAgent;
  }

  String client() {
    return client;
  }

  String session() {
    return session;
  }

  ObjectNode earlyPollExample() {
    return earlyPoll;
  }

  boolean isAfterEnd() {
    return afterEnd;
  }

  long awaitsWithinMs() {
    return awaitsWithinMs;
  }
}
