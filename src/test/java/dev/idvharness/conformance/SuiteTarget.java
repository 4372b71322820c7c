package dev.idvharness.conformance;

import dev.idvharness.config.HarnessConfig;
import dev.idvharness.run.Target;

/** The target of the conformance suite in this JVM: opened on first use, closed after the suite. */
final class SuiteTarget {

  private static Target current;

  private SuiteTarget() {}

  /** The target of this run, opened on first use; a bad configuration stops it here with one line. */
  static synchronized Target current() {
    if (current == null) {
      current = Target.forConformance(HarnessConfig.load());
    }
    return current;
  }

  /** Makes {@code target} the one the next run uses (tests that run the suite against a chosen target). */
  static synchronized void use(Target target) {
    current = target;
  }

  static synchronized void closeCurrent() {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
