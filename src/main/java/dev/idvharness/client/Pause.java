package dev.idvharness.client;

/** How a loop waits between two calls; {@link #SLEEP} in real runs. */
@FunctionalInterface
public interface Pause {

  Pause SLEEP = Thread::sleep;

  void sleep(long millis) throws InterruptedException;
}
