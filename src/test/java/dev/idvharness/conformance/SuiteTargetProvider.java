package dev.idvharness.conformance;

import dev.idvharness.run.Target;
import io.cucumber.picocontainer.CucumberPicoProvider;
import org.picocontainer.injectors.Provider;

/** Gives every scenario's step classes the suite's one target (opened once per run, see {@link SuiteTarget}). */
@CucumberPicoProvider
public class SuiteTargetProvider implements Provider {

  public Target provide() {
    return SuiteTarget.current();
  }
}
