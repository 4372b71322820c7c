package dev.idvharness.stub.serve;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.idvharness.stub.profile.FaultSpec;
import dev.idvharness.stub.profile.Profile;
import dev.idvharness.stub.stats.ServeStats;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Applies the live profile to every vendor answer: draws the fault and the delay, and turns a {@link Reply} into a
 * WireMock response whose delay WireMock serves asynchronously (no server thread waits). The endpoint name and the
 * drawn delay travel as transformer parameters to {@link ServeTimeRecorder}, which measures the real time to serve.
 */
public final class Responder {

  static final String ENDPOINT_PARAMETER = "idv.endpoint";
  static final String DELAY_PARAMETER = "idv.delayMs";
  static final String ARRIVED_PARAMETER = "idv.arrivedAt";

  private final Supplier<Profile> profile;
  private final ServeStats stats;

  public Responder(Supplier<Profile> profile, ServeStats stats) {
    this.profile = profile;
    this.stats = stats;
  }

  public Plan plan(String endpoint, long arrivedAt) {
    Profile.EndpointProfile settings = profile.get().endpoint(endpoint);
    FaultSpec.Kind fault = settings.faults().draw();
    stats.request(endpoint, fault);
    long delay = fault == FaultSpec.Kind.STALL ? profile.get().faults().stallMs() : settings.delay().sampleMillis();
    return new Plan(endpoint, fault, delay, arrivedAt);
  }

  /** The injected fault of a plan, or null when the request is to be answered. */
  public ResponseDefinition fault(Plan plan, Function<Integer, Reply> unavailable) {
    if (plan.fault() == null) {
      return null;
    }
    return switch (plan.fault()) {
      case RESET -> ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
      case UNAVAILABLE -> render(plan, unavailable.apply(profile.get().faults().retryAfterSeconds()));
      // a stall is a 503 that comes too late: the client's own timeout is what is being tested
      case STALL -> render(plan, unavailable.apply(null));
    };
  }

  public ResponseDefinition render(Plan plan, Reply reply) {
    byte[] body = reply.bytes();
    ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
        .withStatus(reply.status())
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(body)
        // the body is re-wrapped as a stream to time its send; an explicit length keeps the answer un-chunked
        .withHeader("Content-Length", String.valueOf(body.length))
        .withTransformerParameter(ENDPOINT_PARAMETER, plan.endpoint())
        .withTransformerParameter(DELAY_PARAMETER, plan.delayMs())
        .withTransformerParameter(ARRIVED_PARAMETER, plan.arrivedAt());
    reply.headers().forEach(builder::withHeader);
    if (reply.retryAfterSeconds() != null) {
      builder.withHeader("Retry-After", String.valueOf(reply.retryAfterSeconds()));
    }
    if (plan.delayMs() > 0) {
      builder.withFixedDelay((int) plan.delayMs());
    }
    return builder.build();
  }
}
