package dev.idvharness.stub.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.stub.json.Json;
import dev.idvharness.stub.profile.Endpoint;
import dev.idvharness.stub.profile.FaultSpec;
import dev.idvharness.stub.profile.Profile;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** All statistics of one stub server; reset through the admin API. */
public final class ServeStats {

  private final Map<String, EndpointStats> endpoints = new ConcurrentHashMap<>();
  private volatile PollDisciplineStats cyberArkPolls;
  private volatile PollDisciplineStats ironVestPolls;
  private volatile long startedAt = System.currentTimeMillis();

  public ServeStats(Profile profile) {
    reset(profile);
  }

  public synchronized void reset(Profile profile) {
    endpoints.clear();
    Profile.PollDiscipline discipline = profile.pollDiscipline();
    cyberArkPolls = new PollDisciplineStats(discipline.toleranceMs(), discipline.gapsKept());
    ironVestPolls = new PollDisciplineStats(discipline.toleranceMs(), discipline.gapsKept());
    startedAt = System.currentTimeMillis();
  }

  public void configure(Profile profile) {
    Profile.PollDiscipline discipline = profile.pollDiscipline();
    cyberArkPolls.configure(discipline.toleranceMs(), discipline.gapsKept());
    ironVestPolls.configure(discipline.toleranceMs(), discipline.gapsKept());
  }

  public void request(String endpoint, FaultSpec.Kind fault) {
    endpoint(endpoint).request(fault);
  }

  public void served(String endpoint, long configuredDelayMs, long servedInMs) {
    endpoint(endpoint).served(configuredDelayMs, servedInMs);
  }

  public EndpointStats endpoint(String name) {
    return endpoints.computeIfAbsent(name, key -> new EndpointStats());
  }

  public PollDisciplineStats cyberArkPolls() {
    return cyberArkPolls;
  }

  public PollDisciplineStats ironVestPolls() {
    return ironVestPolls;
  }

  public ObjectNode toJson(long cyberArkSessions, long ironVestSessions) {
    ObjectNode node = Json.object();
    node.put("sinceMs", startedAt);
    ObjectNode byEndpoint = node.putObject("endpoints");
    for (String name : Endpoint.ALL) {
      EndpointStats stats = endpoints.get(name);
      if (stats != null) {
        byEndpoint.set(name, stats.toJson());
      }
    }
    ObjectNode sessions = node.putObject("liveSessions");
    sessions.put("cyberark", cyberArkSessions);
    sessions.put("ironvest", ironVestSessions);
    ObjectNode discipline = node.putObject("pollDiscipline");
    discipline.set("cyberark", cyberArkPolls.toJson());
    discipline.set("ironvest", ironVestPolls.toJson());
    return node;
  }

  /** A count that moves with every request (and drops at a reset): whether a snapshot would differ from the last. */
  public long activity() {
    return endpoints.values().stream().mapToLong(stats -> stats.requests() + stats.served()).sum() + startedAt;
  }

  /** Everything this replica counted since its last reset, histograms whole (the shared store's replica view). */
  public ObjectNode snapshot() {
    ObjectNode node = Json.object();
    node.put("sinceMs", startedAt);
    ObjectNode byEndpoint = node.putObject("endpoints");
    endpoints.forEach((name, stats) -> byEndpoint.set(name, stats.snapshot()));
    node.putObject("pollDiscipline").set("cyberark", cyberArkPolls.snapshot());
    ((ObjectNode) node.get("pollDiscipline")).set("ironvest", ironVestPolls.snapshot());
    return node;
  }

  /** The statistics of several replicas added up exactly (counts summed, histograms merged), since the earliest. */
  public static ServeStats merged(Profile profile, java.util.List<com.fasterxml.jackson.databind.JsonNode> snapshots) {
    ServeStats all = new ServeStats(profile);
    long since = Long.MAX_VALUE;
    for (com.fasterxml.jackson.databind.JsonNode snapshot : snapshots) {
      since = Math.min(since, snapshot.path("sinceMs").asLong(Long.MAX_VALUE));
      snapshot.path("endpoints").properties().forEach(entry -> all.endpoint(entry.getKey()).add(entry.getValue()));
      all.cyberArkPolls.add(snapshot.path("pollDiscipline").path("cyberark"));
      all.ironVestPolls.add(snapshot.path("pollDiscipline").path("ironvest"));
    }
    all.startedAt = since == Long.MAX_VALUE ? all.startedAt : since;
    return all;
  }
}
