package dev.idvharness.stub.clients;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.stub.json.Json;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/** One client's calls and findings. Small and locked per client: the report is read rarely, written per call. */
final class ClientRecord {

  static final int MAX_USER_AGENTS = 5;
  static final int USER_AGENT_SHOWN = 120;
  static final int MAX_REASONS = 100;
  /** Refused requests remembered to tell a repeat: the most recent ones. */
  static final int REMEMBERED_REFUSALS = 256;

  private final String vendor;
  private final String name;
  private final LongAdder calls = new LongAdder();
  /**
   * The User-Agents as sent, read on every call without a lock (one client is every load user's tenant), written at
   * most five times; they are made printable only when the report is read.
   */
  private final List<String> userAgents = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Map<FindingKind, Finding> findings = new EnumMap<>(FindingKind.class);
  private final Map<String, Long> refusedByReason = new TreeMap<>();
  private final Map<Long, Integer> refusedSends = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Integer> eldest) {
      return size() > REMEMBERED_REFUSALS;
    }
  };

  private static final class Finding {
    long count;
    ObjectNode example;
  }

  ClientRecord(String vendor, String name) {
    this.vendor = vendor;
    this.name = name;
  }

  String vendor() {
    return vendor;
  }

  String name() {
    return name;
  }

  void called(String userAgent) {
    calls.increment();
    if (userAgent == null || userAgent.isBlank() || userAgents.size() >= MAX_USER_AGENTS
        || userAgents.contains(userAgent)) {
      return;
    }
    synchronized (this) {
      if (userAgents.size() < MAX_USER_AGENTS && !userAgents.contains(userAgent)) {
        userAgents.add(userAgent);
      }
    }
  }

  /** One more of a kind; the first example is kept (the one a team looks for first). */
  synchronized void found(FindingKind kind, ObjectNode example) {
    Finding finding = findings.computeIfAbsent(kind, k -> new Finding());
    finding.count++;
    if (finding.example == null) {
      finding.example = example;
    }
  }

  /** A refused request: counted by reason, and as a repeat when the same request was refused before. */
  synchronized void refused(String endpoint, int status, String reason, long fingerprint) {
    String shown = refusedByReason.containsKey(reason) || refusedByReason.size() < MAX_REASONS ? reason
        : "(other reasons)";
    refusedByReason.merge(shown, 1L, Long::sum);
    ObjectNode example = Json.object().put("endpoint", endpoint).put("status", status).put("reason", reason);
    found(FindingKind.REFUSED, example);
    int sends = refusedSends.merge(fingerprint, 1, Integer::sum);
    if (sends > 1) {
      Finding repeated = findings.computeIfAbsent(FindingKind.REPEATED_REFUSED, k -> new Finding());
      repeated.count++;
      // the example shows the request sent most often so far
      if (repeated.example == null || repeated.example.path("sends").asInt() < sends) {
        repeated.example = example.deepCopy().put("sends", sends);
      }
    }
  }

  private static String printable(String agent) {
    String shown = agent.replaceAll("[^\\x20-\\x7E]", "?");
    return shown.length() > USER_AGENT_SHOWN ? shown.substring(0, USER_AGENT_SHOWN) + "..." : shown;
  }

  synchronized ObjectNode toJson() {
    ObjectNode node = Json.object();
    node.put("client", name);
    node.put("vendor", vendor);
    ArrayNode agents = node.putArray("userAgents");
    userAgents.forEach(agent -> agents.add(printable(agent)));
    node.put("calls", calls.sum());
    ArrayNode list = node.putArray("findings");
    findings.forEach((kind, finding) -> {
      ObjectNode item = list.addObject().put("kind", kind.label()).put("count", finding.count);
      item.set("example", finding.example);
      if (kind == FindingKind.REFUSED) {
        ObjectNode reasons = item.putObject("reasons");
        refusedByReason.forEach(reasons::put);
      }
    });
    return node;
  }
}
