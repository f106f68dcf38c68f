package dev.revokeearn.conformance;

import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * Runs every feature in {@code features/} against the embedded mock, or against {@code
 * -Dconformance.baseUrl=URL} (see {@link Target}). Each scenario is one test in Surefire's report;
 * Cucumber's own reports go to {@code target/cucumber-reports/}.
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
@ConfigurationParameter(
    key = PLUGIN_PROPERTY_NAME,
    value =
        "summary, html:target/cucumber-reports/cucumber.html,"
            + " json:target/cucumber-reports/cucumber.json,"
            + " junit:target/cucumber-reports/cucumber-junit.xml")
class ConformanceTest {}
