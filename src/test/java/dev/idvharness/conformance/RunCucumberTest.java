package dev.idvharness.conformance;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The conformance suite: every feature under {@code features/}, against the local stubs or, with
 * {@code HARNESS_TARGET=remote}, the vendors' sandboxes. Reports: see junit-platform.properties.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "dev.idvharness.conformance")
public class RunCucumberTest {}
