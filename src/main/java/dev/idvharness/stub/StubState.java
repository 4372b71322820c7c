package dev.idvharness.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import dev.idvharness.stub.clients.ClientReport;
import dev.idvharness.stub.json.Json;
import dev.idvharness.stub.cyberark.CyberArkAuthenticator;
import dev.idvharness.stub.cyberark.CyberArkData;
import dev.idvharness.stub.ironvest.IronVestData;
import dev.idvharness.stub.ironvest.IronVestValidator;
import dev.idvharness.stub.ironvest.ValidateTransformer;
import dev.idvharness.stub.profile.Profile;
import dev.idvharness.stub.profile.Profiles;
import dev.idvharness.stub.serve.Responder;
import dev.idvharness.stub.serve.ReplicaGroup;
import dev.idvharness.stub.serve.SessionStoreFactory;
import dev.idvharness.stub.stats.ProcessMemory;
import dev.idvharness.stub.stats.ServeStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/** Everything one stub server shares between its extensions: the live profile, the vendors' sessions, statistics. */
public final class StubState {

  public static final String DEFAULT_PROFILE = "profiles/default.json";

  private final AtomicReference<Profile> profile;
  private final ServeStats stats;
  private final Responder responder;
  private final CyberArkAuthenticator cyberArk;
  private final IronVestValidator ironVest;
  private final ClientReport clients = new ClientReport();

  private final SessionStoreFactory stores;
  /** The other replicas on the shared session store; null for a stub that keeps its sessions in memory. */
  private final ReplicaGroup replicas;

  private StubState(Profile initial, CyberArkData cyberArkData, IronVestData ironVestData,
      SessionStoreFactory stores) {
    this.stores = stores;
    this.profile = new AtomicReference<>(initial);
    this.stats = new ServeStats(initial);
    this.responder = new Responder(profile::get, stats);
    this.cyberArk = new CyberArkAuthenticator(cyberArkData, profile::get, stats::cyberArkPolls, stores);
    this.ironVest = new IronVestValidator(ironVestData, profile::get, stats::ironVestPolls, stores);
    // last: the group starts publishing this replica's statistics at once
    this.replicas = stores.join(this::snapshot, stats::activity, this::resetStatsHere);
    if (replicas != null) {
      clients.judgeAbandonmentBy((vendor, session) -> (vendor.equals(ValidateTransformer.VENDOR) ? ironVest.sessions()
          : cyberArk.sessions()).lastCalledHere(session));
    }
  }

  /**
   * Reads {@code data/cyberark.json} and {@code data/ironvest.json} under the WireMock root, and the profile
   * (when null: {@code profiles/default.json} under the root if present, else built-in defaults).
   */
  public static StubState load(Path rootDir, Path profileFile) {
    return load(rootDir, profileFile, SessionStoreFactory.inMemory());
  }

  /** The same, with the sessions in {@code stores} (a store shared by replicas). */
  public static StubState load(Path rootDir, Path profileFile, SessionStoreFactory stores) {
    Path profilePath = profileFile != null ? profileFile : rootDir.resolve(DEFAULT_PROFILE);
    Profile initial = profileFile != null || Files.exists(profilePath) ? Profiles.load(profilePath) : Profile.defaults();
    return new StubState(
        initial,
        CyberArkData.load(rootDir.resolve("data/cyberark.json")),
        IronVestData.load(rootDir.resolve("data/ironvest.json")),
        stores);
  }

  public Profile profile() {
    return profile.get();
  }

  public void replaceProfile(Profile next) {
    profile.set(next);
    stats.configure(next);
    cyberArk.sessions().configure(next.sessions());
    ironVest.sessions().configure(next.sessions());
    ironVest.enrolledUsers().configure(next.sessions());
  }

  /**
   * Forgets statistics, sessions and run-time enrolments: a clean start between runs. On a shared store, of every
   * replica: the sessions once, here, and each replica's statistics before this returns.
   */
  public void reset() {
    cyberArk.sessions().clear();
    ironVest.sessions().clear();
    ironVest.enrolledUsers().clear();
    resetStats();
  }

  /** Forgets statistics and the client report only (of every replica on a shared store): sessions carry on. */
  public void resetStats() {
    resetStatsHere();
    if (replicas != null) {
      replicas.resetAll();
    }
  }

  private void resetStatsHere() {
    stats.reset(profile.get());
    clients.reset();
  }

  /** What this replica publishes to the others: its statistics and its client report. */
  private JsonNode snapshot() {
    ObjectNode snapshot = Json.object();
    snapshot.set("stats", stats.snapshot());
    snapshot.set("clients", clients.toJson());
    return snapshot;
  }

  /** The client report: of every replica on a shared store, merged; else this process's. */
  public ObjectNode clientsJson() {
    if (replicas == null) {
      return clients.toJson();
    }
    return ClientReport.merged(replicas.snapshots().stream().map(s -> s.path("snapshot").path("clients")).toList());
  }

  /** What each client did wrong, as the stub saw it. */
  public ClientReport clients() {
    return clients;
  }

  /**
   * The statistics of the stub: on a shared store, of every replica, added up exactly, with each replica's own under
   * {@code replicas} (the saturation guard judges each one); else this process's.
   */
  public ObjectNode statsJson() {
    if (replicas == null) {
      return replicaStatsJson();
    }
    List<JsonNode> snapshots = replicas.snapshots();
    ObjectNode json = ServeStats.merged(profile.get(), snapshots.stream().map(s -> s.path("snapshot").path("stats")).toList())
        .toJson(cyberArk.sessions().size(), ironVest.sessions().size());
    json.put("sessionStore", stores.describe());
    json.put("scope", "all replicas");
    ArrayNode each = json.putArray("replicas");
    for (JsonNode snapshot : snapshots) {
      ObjectNode one = ServeStats.merged(profile.get(), List.of(snapshot.path("snapshot").path("stats"))).toJson(0, 0);
      each.addObject().put("id", snapshot.path("id").asText()).put("sinceMs", one.path("sinceMs").asLong())
          .set("endpoints", one.path("endpoints"));
    }
    json.set("process", ProcessMemory.toJson());
    return json;
  }

  /** This process's statistics alone, whatever the store. */
  public ObjectNode replicaStatsJson() {
    ObjectNode json = stats.toJson(cyberArk.sessions().size(), ironVest.sessions().size());
    json.put("sessionStore", stores.describe());
    json.put("scope", replicas == null ? "this process" : "this replica");
    json.set("process", ProcessMemory.toJson());
    return json;
  }

  public ServeStats stats() {
    return stats;
  }

  public Responder responder() {
    return responder;
  }

  public CyberArkAuthenticator cyberArk() {
    return cyberArk;
  }

  public IronVestValidator ironVest() {
    return ironVest;
  }

  /** Leaves the group of replicas (its entry goes at once, not after it expires). */
  public void close() {
    if (replicas != null) {
      replicas.close();
    }
  }
}
