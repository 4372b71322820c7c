package dev.idvharness.stub.clients;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.stub.json.Json;
import dev.idvharness.stub.serve.Reply;
import dev.idvharness.stub.serve.SessionStates;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What the stub saw each client do wrong (served at {@code GET /__admin/idv/clients}): per client (IronVest by cid,
 * CyberArk by tenant, the User-Agents alongside) the findings of {@link FindingKind}, each with a count and an
 * example. Bounded whatever the traffic: at most {@link #MAX_CLIENTS} clients (the rest are counted together), and
 * {@link #MAX_WAITING} sessions watched for abandonment at once.
 */
public final class ClientReport {

  /** A session waiting for its next call is abandoned after ten times its retry hint, at least one second. */
  static final long MIN_ABANDON_MS = 1_000;
  static final int ABANDON_FACTOR = 10;
  static final int MAX_CLIENTS = 1_000;
  static final int MAX_WAITING = 200_000;
  static final String OTHER_CLIENTS = "(other clients)";
  static final String UNNAMED = "(not named in the request)";
  /** The characters of an id an example shows. */
  static final int SHOWN_ID = 48;

  private final LongSupplier clock;
  private final Map<String, ClientRecord> clients = new ConcurrentHashMap<>();
  /** Sessions whose last answer asks for another call: vendor and session key to when it is due at the latest. */
  private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

  /** The example is made only for a session found abandoned: most waits end with the next call. */
  private record Waiting(ClientRecord client, String vendor, String session, String endpoint, long dueAt,
                         long withinMs) {

    ObjectNode example() {
      return Json.object().put("endpoint", endpoint).put("session", shortId(session))
          .put("callExpectedWithinMs", withinMs);
    }
  }

  /** Whether this process answered a session's last call (vendor, session): a replica asks the shared store. */
  public interface LastCall {
    boolean answeredHere(String vendor, String session);
  }

  /**
   * In one process every call of a session comes here, so a session still waiting is abandoned; a replica on a shared
   * store first asks whether the session's next call went to another replica, which then watches it instead.
   */
  private volatile LastCall lastCall = (vendor, session) -> true;

  public ClientReport() {
    this(System::currentTimeMillis);
  }

  /** @param clock the time abandonment is judged at (a test drives it) */
  public ClientReport(LongSupplier clock) {
    this.clock = clock;
  }

  /**
   * Records one answered call: what its vendor logic noted, and whether the answer refused it.
   *
   * @param fingerprint for a refused call, what makes two requests "the same request" (a hash of the path, the body
   *     and the key); unused otherwise
   */
  public void record(ClientCall call, Reply reply, long answeredAt, long fingerprint) {
    ClientRecord client = clientRecord(call.vendor(), call.client() != null ? call.client() : UNNAMED);
    client.called(call.userAgent());
    String sessionKey = call.session() == null ? null : call.vendor() + ":" + call.session();
    if (sessionKey != null) {
      waiting.remove(sessionKey);
    }
    if (call.earlyPollExample() != null) {
      client.found(FindingKind.EARLY_POLL, call.earlyPollExample());
    }
    if (call.isAfterEnd()) {
      client.found(FindingKind.AFTER_END, Json.object().put("endpoint", call.endpoint())
          .put("session", shortId(call.session())));
    }
    if (reply.refused()) {
      client.refused(call.endpoint(), reply.status(), reply.refusal(), fingerprint);
    }
    if (sessionKey != null && call.awaitsWithinMs() >= 0 && waiting.size() < MAX_WAITING) {
      waiting.put(sessionKey, new Waiting(client, call.vendor(), call.session(), call.endpoint(),
          answeredAt + call.awaitsWithinMs(), call.awaitsWithinMs()));
    }
  }

  /** The report as JSON: clients in order of vendor and name, each finding kind with a count above zero. */
  public ObjectNode toJson() {
    sweep(clock.getAsLong());
    ObjectNode root = Json.object();
    ArrayNode list = root.putArray("clients");
    clients.values().stream().sorted(Comparator.comparing(ClientRecord::vendor).thenComparing(ClientRecord::name))
        .forEach(client -> list.add(client.toJson()));
    ArrayNode kinds = root.putArray("kinds");
    FindingKind.ALL.forEach(kind -> kinds.addObject().put("kind", kind.label()).put("meaning", kind.meaning()));
    return root;
  }

  /** A replica among others: a session is abandoned here only if this replica answered its last call. */
  public void judgeAbandonmentBy(LastCall lastCall) {
    this.lastCall = lastCall;
  }

  /**
   * Several replicas' reports as one: per client, calls and finding counts summed, user agents and refusal reasons
   * together, the first replica's example of each finding.
   */
  public static ObjectNode merged(java.util.List<com.fasterxml.jackson.databind.JsonNode> reports) {
    Map<String, ObjectNode> byClient = new java.util.TreeMap<>();
    for (com.fasterxml.jackson.databind.JsonNode report : reports) {
      for (com.fasterxml.jackson.databind.JsonNode client : report.path("clients")) {
        String key = client.path("vendor").asText() + ":" + client.path("client").asText();
        ObjectNode into = byClient.get(key);
        if (into == null) {
          byClient.put(key, client.deepCopy());
          continue;
        }
        into.put("calls", into.path("calls").asLong() + client.path("calls").asLong());
        ArrayNode agents = (ArrayNode) into.get("userAgents");
        client.path("userAgents").forEach(agent -> {
          if (agents.size() < ClientRecord.MAX_USER_AGENTS && !java.util.stream.StreamSupport.stream(
              agents.spliterator(), false).anyMatch(agent::equals)) {
            agents.add(agent);
          }
        });
        ArrayNode findings = (ArrayNode) into.get("findings");
        for (com.fasterxml.jackson.databind.JsonNode finding : client.path("findings")) {
          ObjectNode same = null;
          for (com.fasterxml.jackson.databind.JsonNode known : findings) {
            if (known.path("kind").equals(finding.path("kind"))) {
              same = (ObjectNode) known;
            }
          }
          if (same == null) {
            findings.add(finding.deepCopy());
            continue;
          }
          same.put("count", same.path("count").asLong() + finding.path("count").asLong());
          if (finding.has("reasons")) {
            ObjectNode reasons = same.has("reasons") ? (ObjectNode) same.get("reasons") : same.putObject("reasons");
            finding.path("reasons").properties().forEach(reason -> reasons.put(reason.getKey(),
                reasons.path(reason.getKey()).asLong() + reason.getValue().asLong()));
          }
        }
      }
    }
    ObjectNode root = Json.object();
    ArrayNode list = root.putArray("clients");
    byClient.values().forEach(list::add);
    ArrayNode kinds = root.putArray("kinds");
    FindingKind.ALL.forEach(kind -> kinds.addObject().put("kind", kind.label()).put("meaning", kind.meaning()));
    return root;
  }

  /** Forgets every client and every waiting session. */
  public void reset() {
    clients.clear();
    waiting.clear();
  }

  /**
   * Sessions past their due time are abandoned (counted once, then forgotten) unless their next call went to another
   * replica. A store that cannot answer leaves the rest for the next sweep.
   */
  private void sweep(long now) {
    for (Iterator<Map.Entry<String, Waiting>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
      Waiting entry = it.next().getValue();
      if (entry.dueAt() < now) {
        boolean here;
        try {
          here = lastCall.answeredHere(entry.vendor(), entry.session());
        } catch (SessionStates.Unavailable storeAway) {
          return;
        }
        it.remove();
        if (here) {
          entry.client().found(FindingKind.ABANDONED, entry.example());
        }
      }
    }
  }

  private ClientRecord clientRecord(String vendor, String name) {
    String key = vendor + ":" + name;
    ClientRecord known = clients.get(key);
    if (known != null) {
      return known;
    }
    if (clients.size() >= MAX_CLIENTS) {
      return clients.computeIfAbsent(vendor + ":" + OTHER_CLIENTS, k -> new ClientRecord(vendor, OTHER_CLIENTS));
    }
    return clients.computeIfAbsent(key, k -> new ClientRecord(vendor, name));
  }

  /**
   * A session id shown in an example: enough to find it in a log, never a whole long value; each character outside
   * letters, digits and {@code :._-} shown as '?'. Called on every vendor call: no regular expression, and no copy
   * of an id that needs none.
   */
  static String shortId(String id) {
    if (id == null) {
      return null;
    }
    int plain = 0;
    while (plain < id.length() && shownAsIs(id.charAt(plain))) {
      plain++;
    }
    if (plain == id.length()) {
      return id.length() > SHOWN_ID ? id.substring(0, SHOWN_ID) + "..." : id;
    }
    StringBuilder printable = new StringBuilder(id.length());
    id.codePoints().forEach(point -> printable.append(shownAsIs(point) ? (char) point : '?'));
    return printable.length() > SHOWN_ID ? printable.substring(0, SHOWN_ID) + "..." : printable.toString();
  }

  private static boolean shownAsIs(int point) {
    return point >= 'A' && point <= 'Z' || point >= 'a' && point <= 'z' || point >= '0' && point <= '9'
        || point == ':' || point == '.' || point == '_' || point == '-';
  }
}
