package dev.idvharness.run;

import dev.idvharness.client.CyberArkClient;
import dev.idvharness.client.IronVestClient;
import dev.idvharness.client.PemTls;
import dev.idvharness.client.PollSettings;
import dev.idvharness.client.Redaction;
import dev.idvharness.client.ValidateSettings;
import dev.idvharness.client.VendorHttp;
import dev.idvharness.config.ConfigException;
import dev.idvharness.config.HarnessConfig;
import dev.idvharness.config.Key;
import dev.idvharness.config.Keys;
import dev.idvharness.config.RemoteRequirements;
import dev.idvharness.drift.DriftRecorder;
import dev.idvharness.stub.StubData;
import dev.idvharness.stub.StubOptions;
import dev.idvharness.stub.StubServer;
import dev.idvharness.stub.tls.TlsMaterial;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * What a run talks to, for conformance and load alike, checked before any request. Local: a stub server (started
 * here on a free port, one the main job started, or one a test gives), on the loopback only, with the stub data's
 * users and keys. Remote: the vendors' endpoints and secrets from the environment, the requirements checked once
 * here; a vendor configured at all must be configured completely, and one without a base URL is left out, with the
 * reason.
 */
public final class Target implements AutoCloseable {

  private static final String UNCONFIGURED_CSID = "conformance-configured-session";
  /** The stubs answer at once: a run over a stub without delays polls this fast unless an interval was chosen. */
  private static final long FAST_POLL_MS = 50;

  /** The one user, csid and uid of a vendor sandbox, which every virtual user of a remote load run uses. */
  public record VendorUser(String cyberArkLogin, String ironVestCsid, String ironVestUid) {}

  private final HarnessConfig config;
  private final String cyberArkUrl;
  private final String ironVestUrl;
  /** A stub server in this JVM (started here or given): its TLS material and HTTPS port; closed with the target. */
  private final StubServer stub;
  private final boolean stubWithoutDelays;
  private final StubData stubData;
  private final String stubAdminToken;
  private final String cyberArkLeftOut;
  private final String ironVestLeftOut;
  private final Map<String, VendorHttp> https = new ConcurrentHashMap<>();

  private Target(HarnessConfig config, String cyberArkUrl, String ironVestUrl, StubServer stub,
      boolean stubWithoutDelays, StubData stubData, String stubAdminToken, String cyberArkLeftOut,
      String ironVestLeftOut) {
    this.config = config;
    this.cyberArkUrl = cyberArkUrl;
    this.ironVestUrl = ironVestUrl;
    this.stub = stub;
    this.stubWithoutDelays = stubWithoutDelays;
    this.stubData = stubData;
    this.stubAdminToken = stubAdminToken;
    this.cyberArkLeftOut = cyberArkLeftOut;
    this.ironVestLeftOut = ironVestLeftOut;
    Redaction.register(config.secretValues());
    if (stubData != null) {
      Redaction.register(stubData.secrets());
    }
  }

  // ---- opening

  /** A conformance run: remote, or a stub server started here without delays, with HTTPS and mTLS. */
  public static Target forConformance(HarnessConfig config) {
    if (config.isRemote()) {
      return remote(config);
    }
    Path root = Path.of(config.get(Keys.STUBS_DIR));
    return overStub(config, StubServer.start(StubOptions.options().rootDir(root)
        .profile(root.resolve("profiles/none.json")).https(0, true).build()));
  }

  /** A local target over a running stub server without delays (the broken-vendor tests give theirs). */
  public static Target overStub(HarnessConfig config, StubServer server) {
    return new Target(config, server.baseUrl(), server.baseUrl(), server, true, stubData(config), null, null, null);
  }

  /**
   * A load run: remote only with {@code load.allowRemote=true}; local over the base URLs given (on the loopback, and
   * listening), the stub the main job started ({@code load.stubUrlFile}), or, with neither, a stub started here.
   */
  public static Target forLoad(HarnessConfig config) {
    if (config.isRemote()) {
      requireRemoteOptIn(config);
      return remote(config);
    }
    String cyberArk = config.find(Keys.CYBERARK_BASE_URL).orElse(null);
    String ironVest = config.find(Keys.IRONVEST_BASE_URL).orElse(null);
    if (cyberArk == null && ironVest == null && config.isSet(Keys.LOAD_STUB_URL_FILE)) {
      String started = startedStubUrl(config.get(Keys.LOAD_STUB_URL_FILE));
      return local(config, started, started);
    }
    if (cyberArk == null && ironVest == null) {
      System.out.println("load: no stub URL given, starting the stub server inside this JVM"
          + " (it shares CPU and GC with the load generator; -Pload runs it as its own process)");
      StubServer server = StubServer.start(StubOptions.options().rootDir(Path.of(config.get(Keys.STUBS_DIR))).build());
      return new Target(config, server.baseUrl(), server.baseUrl(), server, false, stubData(config),
          stubAdminToken(config), null, null);
    }
    return local(config, listening(Keys.CYBERARK_BASE_URL, loopback(Keys.CYBERARK_BASE_URL, cyberArk)),
        listening(Keys.IRONVEST_BASE_URL, loopback(Keys.IRONVEST_BASE_URL, ironVest)));
  }

  /** The vendors of the environment, its requirements checked here, before any request. */
  public static Target remote(HarnessConfig config) {
    RemoteRequirements.check(config);
    boolean cyberArk = config.isSet(Keys.CYBERARK_BASE_URL);
    boolean ironVest = config.isSet(Keys.IRONVEST_BASE_URL);
    config.find(Keys.IRONVEST_CLIENT_KEY).ifPresent(key -> Redaction.register(pemBodyLines(PemTls.read(key))));
    return new Target(config, config.find(Keys.CYBERARK_BASE_URL).orElse(null),
        config.find(Keys.IRONVEST_BASE_URL).orElse(null), null, false, null, null,
        cyberArk ? null : "CyberArk left out of this remote run: CYBERARK_BASE_URL is not set",
        ironVest ? null : "IronVest left out of this remote run: IRONVEST_BASE_URL is not set");
  }

  /** Load against a vendor only on explicit request. */
  public static void requireRemoteOptIn(HarnessConfig config) {
    if (config.isRemote() && !config.get(Keys.LOAD_ALLOW_REMOTE)) {
      throw new ConfigException("harness.target=remote: load runs against a vendor need -Dload.allowRemote=true"
          + " (mind the vendor's rate limits, see docs/load.md); nothing was sent");
    }
  }

  private static Target local(HarnessConfig config, String cyberArk, String ironVest) {
    return new Target(config, cyberArk, ironVest, null, false, stubData(config), stubAdminToken(config), null, null);
  }

  private static StubData stubData(HarnessConfig config) {
    return StubData.load(Path.of(config.get(Keys.STUBS_DIR)));
  }

  /** The URL a stub process wrote to {@code file}; it must be listening. */
  static String startedStubUrl(String file) {
    String url;
    try {
      url = Files.readString(Path.of(file)).strip();
    } catch (IOException e) {
      throw new ConfigException("load.stubUrlFile " + file + " cannot be read (" + e.getClass().getSimpleName()
          + "): the stub process did not start, see target/load-stub/stub.log");
    }
    return listening(Keys.LOAD_STUB_URL_FILE, loopback(Keys.LOAD_STUB_URL_FILE, url));
  }

  /** A stub URL someone gave must answer a connection before any traffic: else one line naming it, no trace. */
  static String listening(Key key, String url) {
    URI uri = URI.create(url);
    int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), port), 5_000);
      return url;
    } catch (IOException nothing) {
      String why = nothing.getMessage() != null ? nothing.getMessage() : nothing.getClass().getSimpleName();
      throw new ConfigException(key.name() + " " + url + ": nothing listens there (" + why.toLowerCase(Locale.ROOT)
          + "); start the stub (java -jar target/idv-stubs.jar --port 0) or give neither base URL to start one");
    }
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

  /** The local stub's admin token: from the environment, or the file the main job wrote; null when it has none. */
  static String stubAdminToken(HarnessConfig config) {
    if (config.isSet(Keys.STUB_ADMIN_TOKEN)) {
      return config.get(Keys.STUB_ADMIN_TOKEN);
    }
    return config.find(Keys.STUB_ADMIN_TOKEN_FILE).map(file -> {
      try {
        return Files.readString(Path.of(file)).trim();
      } catch (IOException e) {
        throw new ConfigException("harness.stubAdminTokenFile " + file + " cannot be read: " + e.getMessage());
      }
    }).orElse(null);
  }

  /** The base64 lines of a PEM: what a leaked private key would look like in a report. */
  public static List<String> pemBodyLines(String pem) {
    List<String> lines = new ArrayList<>();
    for (String line : pem.split("\\R")) {
      if (!line.isBlank() && !line.startsWith("-----")) {
        lines.add(line.trim());
      }
    }
    return lines;
  }

  // ---- what it is

  public boolean isRemote() {
    return stubData == null;
  }

  public HarnessConfig config() {
    return config;
  }

  public String cyberArkUrl() {
    return cyberArkUrl;
  }

  public String ironVestUrl() {
    return ironVestUrl;
  }

  /** The local stub whose admin API reports on the run; null against a vendor (no stub to ask about saturation). */
  public String stubUrl() {
    return isRemote() ? null : cyberArkUrl;
  }

  public String stubAdminToken() {
    return stubAdminToken;
  }

  /** The stub server in this JVM (started here or given), or null. */
  public StubServer stub() {
    return stub;
  }

  /** Why CyberArk is not part of this run, or empty when it is. */
  public Optional<String> cyberArkLeftOut() {
    return Optional.ofNullable(cyberArkLeftOut);
  }

  public Optional<String> ironVestLeftOut() {
    return Optional.ofNullable(ironVestLeftOut);
  }

  /** The stub conventions; only a local run has them. */
  public StubData stubData() {
    if (stubData == null) {
      throw new IllegalStateException("stub conventions are only known to a local run");
    }
    return stubData;
  }

  public String describe() {
    if (isRemote()) {
      return "remote: CyberArk " + cyberArkLeftOut().orElse(cyberArkUrl) + "; IronVest "
          + ironVestLeftOut().orElse(ironVestUrl);
    }
    return stub != null && stub.tls() != null
        ? "local stub server " + stub.baseUrl() + " (mTLS " + stub.httpsBaseUrl() + ")"
        : "local stub server " + cyberArkUrl;
  }

  /** Remote load: the sandbox's one user, csid and uid; null locally, where every virtual user has its own. */
  public VendorUser vendorUser() {
    return isRemote() ? new VendorUser(config.get(Keys.CYBERARK_USER), config.get(Keys.IRONVEST_CSID),
        config.get(Keys.IRONVEST_UID)) : null;
  }

  // ---- CyberArk

  public CyberArkClient cyberArk() {
    return new CyberArkClient(http(), cyberArkUrl, config.get(Keys.CYBERARK_TENANT_ID));
  }

  public String cyberArkUser() {
    return config.get(Keys.CYBERARK_USER);
  }

  /** The configured user's password: from the environment (remote) or the stub data (local). */
  public String cyberArkPassword() {
    if (isRemote()) {
      return config.get(Keys.CYBERARK_PASSWORD);
    }
    return stubData.user(cyberArkUser()).map(dev.idvharness.stub.cyberark.CyberArkUser::password).orElseThrow(() ->
        new ConfigException("cyberark.user " + cyberArkUser() + " is no user of the stub data (data/cyberark.json)"));
  }

  /** The password every virtual user of a load run answers: the configured one, or the stubs' load users'. */
  public String loadUserPassword() {
    return config.find(Keys.CYBERARK_PASSWORD).orElseGet(() -> stubData().loadUserPassword());
  }

  public String cyberArkOobMechanism() {
    return config.get(Keys.CYBERARK_OOB_MECHANISM);
  }

  public PollSettings pollSettings() {
    PollSettings settings = PollSettings.from(config);
    return stubWithoutDelays && !config.isSet(Keys.POLL_INTERVAL_MS)
        ? new PollSettings(FAST_POLL_MS, settings.deadlineMs()) : settings;
  }

  // ---- IronVest

  /** The configured organisation's key: from the environment, or (local) the stub data's key of ironvest.cid. */
  public String ironVestApiKey() {
    if (isRemote()) {
      return config.get(Keys.IRONVEST_API_KEY);
    }
    return config.find(Keys.IRONVEST_API_KEY).or(() -> stubData.apiKeyOf(ironVestCid())).orElseThrow(() ->
        new ConfigException("ironvest.cid " + ironVestCid() + " is no client of the local stubs"
            + " (stubs/data/ironvest.json)"));
  }

  /** The IronVest client over plain HTTP(S), or over mTLS when a remote client certificate is configured. */
  public IronVestClient ironVest() {
    return ironVestWithKey(ironVestApiKey());
  }

  public IronVestClient ironVestWithKey(String apiKey) {
    if (isRemote() && config.find(Keys.IRONVEST_CLIENT_CERT).isPresent()) {
      return ironVestOverMtls(apiKey);
    }
    return new IronVestClient(http(), ironVestUrl, apiKey);
  }

  /** The client over mutual TLS with the configured (remote) or generated (local) client certificate. */
  public IronVestClient ironVestOverMtls(String apiKey) {
    if (isRemote()) {
      return new IronVestClient(http("mtls", () -> PemTls.context(PemTls.read(config.get(Keys.IRONVEST_CLIENT_CERT)),
          PemTls.read(config.get(Keys.IRONVEST_CLIENT_KEY)), null)), ironVestUrl, apiKey);
    }
    TlsMaterial material = stub.tls();
    return new IronVestClient(http("mtls", () -> PemTls.context(PemTls.read(material.clientCertPem().toString()),
        PemTls.read(material.clientKeyPem().toString()), PemTls.read(material.caCertPem().toString()))),
        stub.httpsBaseUrl(), apiKey);
  }

  /** Local only: the mTLS endpoint with another client key store (the generated foreign or expired one), or none. */
  public IronVestClient ironVestPresenting(Path keyStore, String apiKey) {
    // a fresh layer each time: a refused handshake must be this request's own, never a pooled connection's
    return new IronVestClient(new VendorHttp(Duration.ofMillis(config.get(Keys.HTTP_TIMEOUT_MS)),
        stub.tls().clientContext(keyStore), DriftRecorder::record), stub.httpsBaseUrl(), apiKey);
  }

  public boolean hasMtls() {
    return isRemote() ? config.find(Keys.IRONVEST_CLIENT_CERT).isPresent() : stub != null && stub.tls() != null;
  }

  public String ironVestCid() {
    return config.get(Keys.IRONVEST_CID);
  }

  public String ironVestUid() {
    return config.get(Keys.IRONVEST_UID);
  }

  /** The configured session (remote); locally any csid works, and this one decides at once. */
  public String ironVestCsid() {
    return config.find(Keys.IRONVEST_CSID).orElse(UNCONFIGURED_CSID + "-p0");
  }

  public ValidateSettings validateSettings() {
    return ValidateSettings.from(config);
  }

  /**
   * The one HTTP layer of a TLS context ("plain", "mtls", or a presented key store), made on first use with the
   * configured timeout; every exchange goes to the drift recorder. One per context, not per client: each holds a
   * connection pool and a selector thread, and a suite makes hundreds of clients.
   */
  private VendorHttp http(String context, Supplier<SSLContext> tls) {
    return https.computeIfAbsent(context,
        name -> new VendorHttp(Duration.ofMillis(config.get(Keys.HTTP_TIMEOUT_MS)), tls.get(), DriftRecorder::record));
  }

  /** The plain HTTP(S) layer, with the JDK's trust store. */
  public VendorHttp http() {
    return http("plain", () -> null);
  }

  @Override
  public void close() {
    if (stub != null) {
      stub.close();
    }
  }
}
