package dev.idvharness.load;

import dev.idvharness.config.ConfigException;
import dev.idvharness.config.HarnessConfig;
import dev.idvharness.config.Key;
import dev.idvharness.config.Keys;
import dev.idvharness.config.RemoteRequirements;
import dev.idvharness.stub.StubData;
import dev.idvharness.stub.StubOptions;
import dev.idvharness.stub.StubServer;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * Where a load run sends its traffic, checked before any request: a remote target only with
 * {@code load.allowRemote=true}; a local one only on the loopback. With no URL at all, a stub server is
 * started inside this JVM (handy for a quick run; the main job starts it as its own process instead).
 * {@code stubUrl} (the stub server whose admin API reports on the run) is null against a remote target: there is no stub to ask about saturation. There, every
 * virtual user logs in as {@code cyberark.user} and validates {@code ironvest.csid}/{@code ironvest.uid}, since the
 * stubs' generated load users exist only in the stubs ({@code vendorUser} null means: use those).
 */
public record LoadTarget(String cyberArkUrl, String ironVestUrl, String stubUrl, String cyberArkPassword,
    String ironVestApiKey, StubServer inJvmStub, VendorUser vendorUser, String stubAdminToken)
    implements AutoCloseable {

  /** The one user, csid and uid of a vendor sandbox. */
  public record VendorUser(String cyberArkLogin, String ironVestCsid, String ironVestUid) {}

  public static LoadTarget open(HarnessConfig config) {
    if (config.isRemote()) {
      requireRemoteOptIn(config);
      RemoteRequirements.check(config);
      return new LoadTarget(config.get(Keys.CYBERARK_BASE_URL), config.get(Keys.IRONVEST_BASE_URL), null,
          config.get(Keys.CYBERARK_PASSWORD), config.get(Keys.IRONVEST_API_KEY), null,
          new VendorUser(config.get(Keys.CYBERARK_USER), config.get(Keys.IRONVEST_CSID), config.get(Keys.IRONVEST_UID)),
          null);
    }
    String cyberArk = config.find(Keys.CYBERARK_BASE_URL).orElse(null);
    String ironVest = config.find(Keys.IRONVEST_BASE_URL).orElse(null);
    if (cyberArk == null && ironVest == null && config.isSet(Keys.LOAD_STUB_URL_FILE)) {
      String started = startedStubUrl(config.get(Keys.LOAD_STUB_URL_FILE));
      return local(config, started, started, null);
    }
    if (cyberArk == null && ironVest == null) {
      System.out.println("load: no stub URL given, starting the stub server inside this JVM"
          + " (it shares CPU and GC with the load generator; -Pload runs it as its own process)");
      StubServer stub = StubServer.start(StubOptions.defaults().withRootDir(Path.of(config.get(Keys.STUBS_DIR))));
      return local(config, stub.baseUrl(), stub.baseUrl(), stub);
    }
    return local(config, listening(Keys.CYBERARK_BASE_URL, loopback(Keys.CYBERARK_BASE_URL, cyberArk)),
        listening(Keys.IRONVEST_BASE_URL, loopback(Keys.IRONVEST_BASE_URL, ironVest)), null);
  }

  /** A stub URL someone gave must answer a connection before any traffic: else one line naming it, no trace. */
  static String listening(Key key, String url) {
    URI uri = URI.create(url);
    int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(uri.getHost(), port), 5_000);
      return url;
    } catch (java.io.IOException nothing) {
      String why = nothing.getMessage() != null ? nothing.getMessage() : nothing.getClass().getSimpleName();
      throw new ConfigException(key.name() + " " + url + ": nothing listens there (" + why.toLowerCase(
          java.util.Locale.ROOT) + "); start the stub (java -jar target/idv-stubs.jar --port 0) or give neither base URL to start one");
    }
  }

  /** The URL a stub process wrote to {@code file}; it must be listening. */
  static String startedStubUrl(String file) {
    String url;
    try {
      url = java.nio.file.Files.readString(Path.of(file)).strip();
    } catch (java.io.IOException e) {
      throw new ConfigException("load.stubUrlFile " + file + " cannot be read (" + e.getClass().getSimpleName()
          + "): the stub process did not start, see target/load-stub/stub.log");
    }
    return listening(Keys.LOAD_STUB_URL_FILE, loopback(Keys.LOAD_STUB_URL_FILE, url));
  }

  /** Load against a vendor only on explicit request. */
  public static void requireRemoteOptIn(HarnessConfig config) {
    if (config.isRemote() && !config.getBoolean(Keys.LOAD_ALLOW_REMOTE)) {
      throw new ConfigException("harness.target=remote: load runs against a vendor need -Dload.allowRemote=true"
          + " (mind the vendor's rate limits, see docs/load.md); nothing was sent");
    }
  }

  private static LoadTarget local(HarnessConfig config, String cyberArk, String ironVest, StubServer stub) {
    StubData data = StubData.load(Path.of(config.get(Keys.STUBS_DIR)));
    String cid = config.get(Keys.IRONVEST_CID);
    String apiKey = config.find(Keys.IRONVEST_API_KEY).or(() -> data.apiKeyOf(cid)).orElseThrow(() ->
        new ConfigException("ironvest.cid " + cid + " is no client of the local stubs (stubs/data/ironvest.json)"));
    return new LoadTarget(cyberArk, ironVest, cyberArk,
        config.find(Keys.CYBERARK_PASSWORD).orElseGet(data::loadUserPassword), apiKey, stub, null,
        stubAdminToken(config));
  }

  /** The local stub's admin token: from the environment, or the file the main job wrote; null when it has none. */
  static String stubAdminToken(HarnessConfig config) {
    if (config.isSet(Keys.STUB_ADMIN_TOKEN)) {
      return config.get(Keys.STUB_ADMIN_TOKEN);
    }
    return config.find(Keys.STUB_ADMIN_TOKEN_FILE).map(file -> {
      try {
        return java.nio.file.Files.readString(Path.of(file)).trim();
      } catch (java.io.IOException e) {
        throw new ConfigException("harness.stubAdminTokenFile " + file + " cannot be read: " + e.getMessage());
      }
    }).orElse(null);
  }

  /** Local runs stay on the loopback: the URL must name a loopback address. */
  static String loopback(Key key, String url) {
    if (url == null) {
      throw new ConfigException(key.name() + " is required when the other stub URL is given (or give neither)");
    }
    String host = URI.create(url).getHost();
    try {
      if (InetAddress.getByName(host).isLoopbackAddress()) {
        return url;
      }
    } catch (UnknownHostException unknown) {
      // not resolvable, hence not loopback
    }
    throw new ConfigException(key.name() + " " + url + ": harness.target=local sends load only to the"
        + " loopback (127.0.0.1); for a vendor use harness.target=remote with load.allowRemote=true");
  }

  @Override
  public void close() {
    if (inJvmStub != null) {
      inJvmStub.close();
    }
  }
}
