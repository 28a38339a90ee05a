package io.authflow.e2e.report;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectFile;
import org.junit.platform.suite.api.Suite;

/**
 * The failed scenarios of the last run ({@code mvn verify -Prerun}): the rerun plugin's file,
 * selected as a file, which Cucumber's engine reads as a list of feature:line entries. The run
 * writes a new rerun file, so what still fails can be rerun again. An empty file (nothing failed)
 * reruns nothing and passes.
 */
@Suite(failIfNoTests = false)
@IncludeEngines("cucumber")
@SelectFile("reports/rerun.txt")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.authflow.e2e.steps")
public class RerunFailedIT {}
