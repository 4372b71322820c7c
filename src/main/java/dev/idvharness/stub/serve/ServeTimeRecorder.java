package dev.idvharness.stub.serve;

import com.github.tomakehurst.wiremock.common.InputStreamSource;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.idvharness.stub.stats.ServeStats;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures each vendor answer from the request's arrival to the moment its body is written, so the admin report
 * can set the real time to serve against the configured delay. WireMock's own timing and its serve-event
 * listeners cannot: with asynchronous responses they run when the delayed send is scheduled, not when it happens.
 * WireMock reads a response body twice, once for its serve event and once to send it; the second read is the send.
 * DO NOT REGISTER directly: {@code IdvStubExtensions} does.
 */
public final class ServeTimeRecorder implements ResponseTransformerV2 {

  public static final String NAME = "idv-serve-time";

  private final ServeStats stats;

  public ServeTimeRecorder(ServeStats stats) {
    this.stats = stats;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public Response transform(Response response, ServeEvent serveEvent) {
    ResponseDefinition definition = serveEvent.getResponseDefinition();
    Parameters ours = definition == null ? null : definition.getTransformerParameters();
    String endpoint = ours == null ? null : ours.getString(Responder.ENDPOINT_PARAMETER, null);
    Object delay = ours == null ? null : ours.get(Responder.DELAY_PARAMETER);
    Object arrived = ours == null ? null : ours.get(Responder.ARRIVED_PARAMETER);
    if (endpoint == null || !(delay instanceof Number configured) || !(arrived instanceof Number arrivedAt)
        || response.getFault() != null) {
      return response;
    }
    TimedBody body = new TimedBody(response.getBody(), endpoint, configured.longValue(), arrivedAt.longValue());
    return Response.Builder.like(response).but().body(body).build();
  }

  private final class TimedBody implements InputStreamSource {
    private final byte[] bytes;
    private final String endpoint;
    private final long configuredDelayMs;
    private final long arrivedAt;
    private final AtomicInteger reads = new AtomicInteger();

    TimedBody(byte[] bytes, String endpoint, long configuredDelayMs, long arrivedAt) {
      this.bytes = bytes;
      this.endpoint = endpoint;
      this.configuredDelayMs = configuredDelayMs;
      this.arrivedAt = arrivedAt;
    }

    @Override
    public InputStream getStream() {
      if (reads.incrementAndGet() == 2) {
        stats.served(endpoint, configuredDelayMs, System.currentTimeMillis() - arrivedAt);
      }
      return new ByteArrayInputStream(bytes);
    }
  }
}
