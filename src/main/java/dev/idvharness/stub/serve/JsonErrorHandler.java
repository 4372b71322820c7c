package dev.idvharness.stub.serve;

import dev.idvharness.stub.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import wiremock.jakarta.servlet.RequestDispatcher;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.http.HttpFields;
import wiremock.org.eclipse.jetty.http.HttpHeader;
import wiremock.org.eclipse.jetty.http.HttpStatus;
import wiremock.org.eclipse.jetty.server.Request;
import wiremock.org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * What the server answers when a Throwable escapes our code or WireMock's, or something calls sendError: never
 * Jetty's HTML page, the one answer neither vendor sends. Each vendor answers its own paths ({@link ContainerErrors});
 * anything else gets a small JSON error with the status. The Throwable is logged once, by class and path: never a request's body or headers.
 * Jetty's own refusals of a request it cannot parse (headers over its limit, a malformed request line) come before any
 * path is known: they get the fallbacks' shape, {@code {"success":false,"error":<the status's reason phrase>}}.
 */
final class JsonErrorHandler extends ErrorHandler {

  private final java.util.List<ContainerErrors> vendors;

  JsonErrorHandler(java.util.List<ContainerErrors> vendors) {
    this.vendors = java.util.List.copyOf(vendors);
  }

  /** Jetty's reason is left out: it may quote the request ("Illegal character 0x0 in ..."); the phrase cannot. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    return ByteBuffer.wrap(Json.bytes(Json.object().put("success", false).put("error", HttpStatus.getMessage(status))));
  }

  @Override
  public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Throwable cause = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    String path = request.getRequestURI() == null ? "" : request.getRequestURI();
    int status = response.getStatus() >= 400 ? response.getStatus() : 500;
    Reply reply;
    if (cause != null) {
      System.err.println("idv-stubs: " + cause.getClass().getName() + " escaped while serving " + path);
      status = 500;
    }
    String lower = path.toLowerCase(java.util.Locale.ROOT);
    int failed = status;
    reply = vendors.stream().map(vendor -> vendor.answer(lower, failed)).flatMap(java.util.Optional::stream)
        .findFirst().orElseGet(() -> Reply.status(failed, Json.object().put("error", failed == 500 ? "internal error"
            : "HTTP " + failed)));
    if (!response.isCommitted()) {
      response.reset();
      response.setStatus(reply.status());
      response.setContentType("application/json; charset=utf-8");
      response.setContentLength(reply.bytes().length);
      response.getOutputStream().write(reply.bytes());
    }
    baseRequest.setHandled(true);
  }
}
