package dev.idvharness.stub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.stub.clients.ClientReport;
import dev.idvharness.stub.cyberark.CyberArkAuthenticator;
import dev.idvharness.stub.cyberark.CyberArkData;
import dev.idvharness.stub.ironvest.IronVestData;
import dev.idvharness.stub.ironvest.IronVestValidator;
import dev.idvharness.stub.profile.Profile;
import dev.idvharness.stub.profile.Profiles;
import dev.idvharness.stub.serve.Responder;
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

  private StubState(Profile initial, CyberArkData cyberArkData, IronVestData ironVestData,
      SessionStoreFactory stores) {
    this.stores = stores;
    this.profile = new AtomicReference<>(initial);
    this.stats = new ServeStats(initial);
    this.responder = new Responder(profile::get, stats);
    this.cyberArk = new CyberArkAuthenticator(cyberArkData, profile::get, stats::cyberArkPolls, stores);
    this.ironVest = new IronVestValidator(ironVestData, profile::get, stats::ironVestPolls, stores);
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

  /** Forgets statistics, sessions and run-time enrolments: a clean start between runs. */
  public void reset() {
    stats.reset(profile.get());
    clients.reset();
    cyberArk.sessions().clear();
    ironVest.sessions().clear();
    ironVest.enrolledUsers().clear();
  }

  /** Forgets statistics and the client report only: sessions and enrolments carry on (a load run's warm-up is over). */
  public void resetStats() {
    stats.reset(profile.get());
    clients.reset();
  }

  /** What each client did wrong, as the stub saw it. */
  public ClientReport clients() {
    return clients;
  }

  public ObjectNode statsJson() {
    ObjectNode json = stats.toJson(cyberArk.sessions().size(), ironVest.sessions().size());
    json.put("sessionStore", stores.describe());
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
}
