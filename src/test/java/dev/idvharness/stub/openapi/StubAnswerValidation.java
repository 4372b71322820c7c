package dev.idvharness.stub.openapi;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every JUnit test class (src/test/resources/META-INF/services and junit-platform.properties): a test
 * fails when a stub answer it received is outside docs/openapi/idv-stubs.json ({@link StubAnswers}), and so does the
 * class when the answer came in a {@code @BeforeAll} or {@code @AfterAll}. {@link OffDescription} on the class or the
 * method leaves its answers unchecked.
 */
public final class StubAnswerValidation
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    StubAnswers.install();
    context.getTestClass().map(type -> type.getAnnotation(OffDescription.class))
        .ifPresent(off -> StubAnswers.pause(off.value()));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getTestMethod().map(method -> method.getAnnotation(OffDescription.class))
        .ifPresent(off -> StubAnswers.pause(off.value()));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      StubAnswers.assertNoneBroken();
    } finally {
      if (context.getTestMethod().map(method -> method.isAnnotationPresent(OffDescription.class)).orElse(false)
          && !context.getRequiredTestClass().isAnnotationPresent(OffDescription.class)) {
        StubAnswers.resume();
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      StubAnswers.assertNoneBroken();
    } finally {
      StubAnswers.resume();
    }
  }
}
