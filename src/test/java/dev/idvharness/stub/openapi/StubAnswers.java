package dev.idvharness.stub.openapi;

import dev.idvharness.client.Exchange;
import dev.idvharness.client.VendorHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The test JVM's check of every stub answer: once installed, every exchange of every {@link VendorHttp} is checked
 * against the OpenAPI description ({@link StubAnswerValidator}) on a thread of its own, so that no request waits for
 * it; {@link #broken()} waits for the checks so far and hands over the answers that broke the description. JUnit
 * tests get this from {@link StubAnswerValidation} (registered for every test class), Cucumber scenarios from the
 * conformance suite's hooks. A test whose answers are off the description on purpose says so with
 * {@link OffDescription}, which pauses the check.
 */
public final class StubAnswers {

  private static final ExecutorService CHECKS = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "stub-answer-check");
    thread.setDaemon(true);
    return thread;
  });
  private static final List<Future<String>> PENDING = new ArrayList<>();
  private static StubAnswerValidator validator;
  private static volatile String paused;

  private StubAnswers() {}

  /** From now on, every answer any VendorHttp receives is checked; once per JVM, the later calls do nothing. */
  public static synchronized void install() {
    if (validator == null) {
      validator = StubAnswerValidator.load();
      VendorHttp.observeEveryExchange(StubAnswers::observe);
    }
  }

  /** True once {@link #install()} ran in this JVM. */
  public static synchronized boolean installed() {
    return validator != null;
  }

  /** Stops checking until {@link #resume()}: the answers that follow are off the description on purpose. */
  public static void pause(String reason) {
    paused = reason;
  }

  public static void resume() {
    paused = null;
  }

  /** Waits for the checks of the answers so far; what they found broken (each with its exchange), then forgets them. */
  public static List<String> broken() {
    List<Future<String>> done;
    synchronized (StubAnswers.class) {
      done = new ArrayList<>(PENDING);
      PENDING.clear();
    }
    List<String> broken = new ArrayList<>();
    for (Future<String> check : done) {
      try {
        String found = check.get(60, TimeUnit.SECONDS);
        if (found != null) {
          broken.add(found);
        }
      } catch (Exception e) {
        broken.add("the check of an answer failed: " + e);
      }
    }
    return broken;
  }

  /** Throws an AssertionError naming every answer since the last call that broke the description. */
  public static void assertNoneBroken() {
    List<String> broken = broken();
    if (!broken.isEmpty()) {
      throw new AssertionError(broken.size() + " stub answer(s) outside docs/openapi/idv-stubs.json:\n"
          + String.join("\n", broken));
    }
  }

  private static void observe(Exchange exchange) {
    if (paused != null) {
      return;
    }
    Future<String> check = CHECKS.submit(() -> {
      StubAnswerValidator.Verdict verdict = validator.check(exchange);
      return verdict.breaks() ? verdict.detail() + "\n" + exchange.describe() : null;
    });
    synchronized (StubAnswers.class) {
      PENDING.add(check);
    }
  }
}
