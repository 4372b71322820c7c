package dev.idvharness.target;

import dev.idvharness.client.CyberArkClient;
import dev.idvharness.client.IronVestClient;
import dev.idvharness.client.PemTls;
import dev.idvharness.client.PollSettings;
import dev.idvharness.client.Redaction;
import dev.idvharness.client.ValidateSettings;
import dev.idvharness.client.VendorHttp;
import dev.idvharness.config.ConfigException;
import dev.idvharness.config.HarnessConfig;
import dev.idvharness.config.Keys;
import dev.idvharness.config.RemoteRequirements;
import dev.idvharness.drift.DriftRecorder;
import dev.idvharness.stub.StubData;
import dev.idvharness.stub.StubOptions;
import dev.idvharness.stub.StubServer;
import dev.idvharness.stub.tls.TlsMaterial;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * What a conformance run talks to. Local (default): the stub server, started here on a free port with HTTP and
 * HTTPS+mTLS, no delays. Remote: the vendors' endpoints from the environment, either of which may be left out; a
 * vendor that is configured at all must be configured completely, else the run stops naming the missing variable.
 */
public final class ConformanceTarget implements AutoCloseable {

  /** The default stub root dir ({@code harness.stubsDir}). */
  public static final Path STUB_ROOT = Path.of(Keys.STUBS_DIR.defaultValue());
  private static final String UNCONFIGURED_CSID = "conformance-configured-session";
  private static ConformanceTarget current;

  private final HarnessConfig config;
  private final StubServer stub;
  private final StubData stubData;
  private final String cyberArkLeftOut;
  private final String ironVestLeftOut;

  private ConformanceTarget(HarnessConfig config, StubServer stub, StubData stubData, String cyberArkLeftOut,
      String ironVestLeftOut) {
    this.config = config;
    this.stub = stub;
    this.stubData = stubData;
    this.cyberArkLeftOut = cyberArkLeftOut;
    this.ironVestLeftOut = ironVestLeftOut;
    Redaction.register(config.secretValues());
    if (stubData != null) {
      Redaction.register(stubData.secrets());
    }
  }

  /** The target of this run, opened on first use; a bad configuration stops it here with one line. */
  public static synchronized ConformanceTarget current() {
    if (current == null) {
      current = open(HarnessConfig.load());
    }
    return current;
  }

  /** Makes {@code target} the one the next run uses (tests that run the suite against a chosen target). */
  public static synchronized void use(ConformanceTarget target) {
    current = target;
  }

  public static synchronized void closeCurrent() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  public static ConformanceTarget open(HarnessConfig config) {
    if (config.isRemote()) {
      return remote(config);
    }
    Path root = Path.of(config.get(Keys.STUBS_DIR));
    StubServer server = StubServer.start(StubOptions.defaults().withRootDir(root)
        .withProfile(root.resolve("profiles/none.json"))
        .withHttps(0, true, StubServer.defaultTlsDir()));
    return overStub(config, server);
  }

  /** A local target over a running stub server (also used by the broken-vendor tests). */
  public static ConformanceTarget overStub(HarnessConfig config, StubServer server) {
    Map<String, String> local = new java.util.HashMap<>(Map.of(
        Keys.CYBERARK_BASE_URL.name(), server.baseUrl(),
        Keys.IRONVEST_BASE_URL.name(), server.baseUrl()));
    // the stubs answer at once: poll fast unless a poll interval was chosen
    if (config.get(Keys.POLL_INTERVAL_MS).equals(Keys.POLL_INTERVAL_MS.defaultValue())) {
      local.put(Keys.POLL_INTERVAL_MS.name(), "50");
    }
    return new ConformanceTarget(config.with(local), server, StubData.load(Path.of(config.get(Keys.STUBS_DIR))),
        null, null);
  }

  public static ConformanceTarget remote(HarnessConfig config) {
    RemoteRequirements.check(config);
    boolean cyberArk = config.isSet(Keys.CYBERARK_BASE_URL);
    boolean ironVest = config.isSet(Keys.IRONVEST_BASE_URL);
    ConformanceTarget target = new ConformanceTarget(config, null, null,
        cyberArk ? null : "CyberArk left out of this remote run: CYBERARK_BASE_URL is not set",
        ironVest ? null : "IronVest left out of this remote run: IRONVEST_BASE_URL is not set");
    target.registerClientKey();
    return target;
  }

  private void registerClientKey() {
    config.find(Keys.IRONVEST_CLIENT_KEY).ifPresent(key -> Redaction.register(pemBodyLines(PemTls.read(key))));
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

  public boolean isRemote() {
    return stub == null;
  }

  public HarnessConfig config() {
    return config;
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

  public StubServer stub() {
    return stub;
  }

  public String describe() {
    if (!isRemote()) {
      return "local stub server " + stub.baseUrl() + " (mTLS " + stub.httpsBaseUrl() + ")";
    }
    return "remote: CyberArk " + cyberArkLeftOut().orElseGet(() -> config.get(Keys.CYBERARK_BASE_URL))
        + "; IronVest " + ironVestLeftOut().orElseGet(() -> config.get(Keys.IRONVEST_BASE_URL));
  }

  // ---- CyberArk

  public CyberArkClient cyberArk() {
    return new CyberArkClient(http(null), config.get(Keys.CYBERARK_BASE_URL), config.get(Keys.CYBERARK_TENANT_ID));
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

  public String cyberArkOobMechanism() {
    return config.get(Keys.CYBERARK_OOB_MECHANISM);
  }

  public PollSettings pollSettings() {
    return PollSettings.from(config);
  }

  // ---- IronVest

  /** The IronVest client over plain HTTP(S), or over mTLS when a remote client certificate is configured. */
  public IronVestClient ironVest() {
    return ironVestWithKey(ironVestApiKey());
  }

  /** The configured organisation's key: from the environment (remote) or the stub data (local). */
  public String ironVestApiKey() {
    if (isRemote()) {
      return config.get(Keys.IRONVEST_API_KEY);
    }
    return stubData.apiKeyOf(ironVestCid()).orElseThrow(() ->
        new ConfigException("ironvest.cid " + ironVestCid() + " is no client of the stub data (data/ironvest.json)"));
  }

  public IronVestClient ironVestWithKey(String apiKey) {
    if (isRemote() && config.find(Keys.IRONVEST_CLIENT_CERT).isPresent()) {
      return ironVestOverMtls(apiKey);
    }
    return new IronVestClient(http(null), config.get(Keys.IRONVEST_BASE_URL), apiKey);
  }

  /** The client over mutual TLS with the configured (remote) or generated (local) client certificate. */
  public IronVestClient ironVestOverMtls(String apiKey) {
    if (isRemote()) {
      SSLContext tls = PemTls.context(PemTls.read(config.get(Keys.IRONVEST_CLIENT_CERT)),
          PemTls.read(config.get(Keys.IRONVEST_CLIENT_KEY)), null);
      return new IronVestClient(http(tls), config.get(Keys.IRONVEST_BASE_URL), apiKey);
    }
    TlsMaterial material = stub.tls();
    SSLContext tls = PemTls.context(PemTls.read(material.clientCertPem().toString()),
        PemTls.read(material.clientKeyPem().toString()), PemTls.read(material.caCertPem().toString()));
    return new IronVestClient(http(tls), stub.httpsBaseUrl(), apiKey);
  }

  /** Local only: the mTLS endpoint with another client key store (the generated foreign or expired one), or none. */
  public IronVestClient ironVestPresenting(Path keyStore, String apiKey) {
    return new IronVestClient(http(stub.tls().clientContext(keyStore)), stub.httpsBaseUrl(), apiKey);
  }

  public boolean hasMtls() {
    return !isRemote() || config.find(Keys.IRONVEST_CLIENT_CERT).isPresent();
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

  private VendorHttp http(SSLContext tls) {
    return new VendorHttp(Duration.ofMillis(config.getLong(Keys.HTTP_TIMEOUT_MS)), tls, DriftRecorder::record);
  }

  @Override
  public void close() {
    if (stub != null) {
      stub.close();
    }
  }
}
