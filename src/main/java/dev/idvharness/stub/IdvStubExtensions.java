package dev.idvharness.stub;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ExtensionFactory;
import com.github.tomakehurst.wiremock.extension.WireMockServices;
import dev.idvharness.stub.admin.IdvAdminApi;
import dev.idvharness.stub.cyberark.SendIdentityVerificationTransformer;
import dev.idvharness.stub.cyberark.StartAuthenticationTransformer;
import dev.idvharness.stub.ironvest.ValidateTransformer;
import dev.idvharness.stub.cyberark.CyberArkErrors;
import dev.idvharness.stub.ironvest.IronVestErrors;
import dev.idvharness.stub.serve.PlainBodyServerFactory;
import dev.idvharness.stub.serve.ServeTimeRecorder;
import java.nio.file.Path;
import java.util.List;

/**
 * Registers every idv-harness extension with one shared {@link StubState}.
 *
 * <p>In code: {@code options().extensions(new IdvStubExtensions(StubState.load(root, profile)))}. In upstream
 * WireMock standalone it is found through {@code META-INF/services} (put the idv-stubs jar on the classpath); it
 * then reads the data under WireMock's root dir and the profile named by {@code -Didv.profile=FILE}, else
 * {@code profiles/default.json} under the root dir.
 */
public final class IdvStubExtensions implements ExtensionFactory {

  public static final String PROFILE_PROPERTY = "idv.profile";

  private final StubState state;

  /** For ServiceLoader: the state is loaded from WireMock's root dir when WireMock starts. */
  public IdvStubExtensions() {
    this(null);
  }

  public IdvStubExtensions(StubState state) {
    this.state = state;
  }

  @Override
  public List<Extension> create(WireMockServices services) {
    StubState shared = state != null ? state : loadFrom(services);
    return List.of(
        new StartAuthenticationTransformer(shared.responder(), shared.clients(), shared.cyberArk()),
        new SendIdentityVerificationTransformer(shared.responder(), shared.clients(), shared.cyberArk()),
        new ValidateTransformer(shared.responder(), shared.clients(), shared.ironVest()),
        new ServeTimeRecorder(shared.stats()),
        new IdvAdminApi(shared),
        new PlainBodyServerFactory(() -> shared.profile().limits().maxBodyBytes(),
            () -> shared.profile().limits().headerTimeoutMs(), List.of(new CyberArkErrors(), new IronVestErrors())));
  }

  private static StubState loadFrom(WireMockServices services) {
    Path root = Path.of(services.getOptions().filesRoot().getPath());
    String profile = System.getProperty(PROFILE_PROPERTY);
    return StubState.load(root, profile == null ? null : Path.of(profile));
  }
}
