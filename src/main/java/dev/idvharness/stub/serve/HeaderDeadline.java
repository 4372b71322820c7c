package dev.idvharness.stub.serve;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import wiremock.org.eclipse.jetty.io.Connection;
import wiremock.org.eclipse.jetty.server.HttpConnection;
import wiremock.org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection that has not sent one whole request head within the deadline: the idle timeout restarts at
 * every byte, so headers trickled a byte at a time would otherwise hold a connection for hours (slowloris). A
 * connection that has sent a request is left to the idle timeout.
 */
final class HeaderDeadline implements Connection.Listener {

  private final IntSupplier deadlineMs;
  private final Scheduler scheduler;

  HeaderDeadline(IntSupplier deadlineMs, Scheduler scheduler) {
    this.deadlineMs = deadlineMs;
    this.scheduler = scheduler;
  }

  @Override
  public void onOpened(Connection connection) {
    scheduler.schedule(() -> {
      boolean noRequestYet = connection instanceof HttpConnection http && http.getMessagesIn() == 0;
      if (noRequestYet && connection.getEndPoint().isOpen()) {
        connection.getEndPoint().close();
      }
    }, deadlineMs.getAsInt(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void onClosed(Connection connection) {
    // nothing scheduled needs cancelling: the check finds the connection closed
  }
}
