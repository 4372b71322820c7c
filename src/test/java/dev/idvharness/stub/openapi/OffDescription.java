package dev.idvharness.stub.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a test class or method whose answers are off docs/openapi/idv-stubs.json on purpose (a stub made to misbehave,
 * a server that is not the stub): {@link StubAnswerValidation} does not check them. Say why.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OffDescription {
  String value();
}
