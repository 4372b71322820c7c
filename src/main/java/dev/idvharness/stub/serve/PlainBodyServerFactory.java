package dev.idvharness.stub.serve;

import com.github.tomakehurst.wiremock.common.HttpsSettings;
import com.github.tomakehurst.wiremock.common.JettySettings;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import java.util.EnumSet;
import java.util.List;
import java.util.function.IntSupplier;
import wiremock.jakarta.servlet.DispatcherType;
import wiremock.org.eclipse.jetty.io.NetworkTrafficListener;
import wiremock.org.eclipse.jetty.server.Server;
import wiremock.org.eclipse.jetty.server.ServerConnector;
import wiremock.org.eclipse.jetty.servlet.FilterHolder;
import wiremock.org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * WireMock's own Jetty server with one change: request bodies are never inflated. WireMock inflates a body sent with
 * {@code Content-Encoding: gzip}, or that merely begins with the gzip magic bytes, before any extension runs: a bad
 * stream became a 500 page naming the exception, and a 2.6 MB gzip bomb an OutOfMemoryError after 8 s of work.
 * Neither vendor documents compressed requests, so {@link PlainBodyRequest} hands such a request to WireMock without a
 * body: CyberArk answers "could not be read", IronVest 422. The same goes for a body larger than the profile's
 * {@code limits.maxBodyBytes}: refused before it is read whole, so that many large bodies cannot fill the heap.
 *
 * <p>DO NOT REGISTER directly: {@code IdvStubExtensions} adds it, so upstream WireMock standalone picks it up too.
 * Uses the Jetty classes shaded into wiremock-standalone.
 */
public final class PlainBodyServerFactory implements HttpServerFactory {

  public static final String NAME = "idv-plain-bodies";

  private final IntSupplier maxBodyBytes;
  private final IntSupplier headerTimeoutMs;
  /** Each vendor's answer when the container fails on its paths. */
  private final List<ContainerErrors> vendors;

  /**
   * @param maxBodyBytes the live limit (the profile's {@code limits.maxBodyBytes})
   * @param headerTimeoutMs the live deadline for a connection's first request head ({@code limits.headerTimeoutMs})
   * @param vendors each vendor's answer when the container fails on one of its paths
   */
  public PlainBodyServerFactory(IntSupplier maxBodyBytes, IntSupplier headerTimeoutMs, List<ContainerErrors> vendors) {
    this.maxBodyBytes = maxBodyBytes;
    this.headerTimeoutMs = headerTimeoutMs;
    this.vendors = List.copyOf(vendors);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
    return new Jetty11HttpServer(options, admin, stubs) {
      @Override
      protected ServerConnector createHttpConnector(String bindAddress, int port, JettySettings settings,
          NetworkTrafficListener listener) {
        return withHeaderDeadline(super.createHttpConnector(bindAddress, port, settings, listener));
      }

      @Override
      protected ServerConnector createHttpsConnector(String bindAddress, HttpsSettings https, JettySettings settings,
          NetworkTrafficListener listener) {
        return withHeaderDeadline(super.createHttpsConnector(bindAddress, https, settings, listener));
      }

      @Override
      protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
        addPlainBodyFilter(context);
      }

      @Override
      protected void decorateAdminServiceContextBeforeConfig(ServletContextHandler context) {
        addPlainBodyFilter(context);
      }

      // the server's own handler too: a request caught by a shutdown (its context already stopped) got Jetty's HTML
      @Override
      protected void applyAdditionalServerConfiguration(Server server, Options serverOptions) {
        super.applyAdditionalServerConfiguration(server, serverOptions);
        server.setErrorHandler(new JsonErrorHandler(vendors));
      }

      // after WireMock's own configuration, which sets an error handler of its own
      @Override
      protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
        context.setErrorHandler(new JsonErrorHandler(vendors));
      }

      @Override
      protected void decorateAdminServiceContextAfterConfig(ServletContextHandler context) {
        context.setErrorHandler(new JsonErrorHandler(vendors));
      }
    };
  }

  private ServerConnector withHeaderDeadline(ServerConnector connector) {
    connector.addBean(new HeaderDeadline(headerTimeoutMs, connector.getScheduler()));
    return connector;
  }

  private void addPlainBodyFilter(ServletContextHandler context) {
    FilterHolder filter = new FilterHolder((request, response, chain) -> chain.doFilter(
        request instanceof wiremock.jakarta.servlet.http.HttpServletRequest http
            ? new PlainBodyRequest(http, maxBodyBytes.getAsInt()) : request,
        response));
    // WireMock answers delayed requests asynchronously
    filter.setAsyncSupported(true);
    context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
  }
}
