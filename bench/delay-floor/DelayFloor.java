// The floor of the delay section, not part of the product: bare Jetty (the one inside the WireMock standalone jar)
// answering every request after a fixed delay from a scheduler, with the thread counts bench/run gives both WireMock
// servers. What it adds at p99 over the delay is what this machine, wrk and Jetty add before any WireMock code runs.
// Usage: java -cp wiremock-standalone.jar bench/delay-floor/DelayFloor.java PORT DELAY_MS
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import wiremock.jakarta.servlet.AsyncContext;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.server.Request;
import wiremock.org.eclipse.jetty.server.Server;
import wiremock.org.eclipse.jetty.server.ServerConnector;
import wiremock.org.eclipse.jetty.server.handler.AbstractHandler;
import wiremock.org.eclipse.jetty.util.thread.QueuedThreadPool;

public final class DelayFloor {

  private static final byte[] BODY = "{\"errorMessage\":\"processing\",\"retryAfterMS\":1000}"
      .getBytes(StandardCharsets.UTF_8);

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    long delayMs = Long.parseLong(args[1]);
    // as --async-response-threads 4 --container-threads 32 --jetty-accept-queue-size 4096
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
    Server server = new Server(new QueuedThreadPool(32));
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    connector.setAcceptQueueSize(4096);
    server.addConnector(connector);
    server.setHandler(new AbstractHandler() {
      @Override
      public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
          throws IOException {
        base.setHandled(true);
        request.getInputStream().readAllBytes();
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        scheduler.schedule(() -> answer(async, response), delayMs, TimeUnit.MILLISECONDS);
      }
    });
    server.start();
    server.join();
  }

  private static void answer(AsyncContext async, HttpServletResponse response) {
    try {
      response.setStatus(200);
      response.setContentType("application/json");
      response.setContentLength(BODY.length);
      response.getOutputStream().write(BODY);
    } catch (IOException closed) {
      // the client went away: nothing to answer
    } finally {
      async.complete();
    }
  }
}
