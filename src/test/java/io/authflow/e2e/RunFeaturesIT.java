package io.authflow.e2e;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * Runs features/ through Cucumber's JUnit Platform engine (failsafe, {@code mvn verify}). Reports,
 * tags and parallelism come from junit-platform.properties and -D options (see docs/report.md).
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.authflow.e2e.steps")
public class RunFeaturesIT {}
