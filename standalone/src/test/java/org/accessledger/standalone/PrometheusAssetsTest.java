package org.accessledger.standalone;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The Prometheus configuration and alert rules in deploy/ are valid, and the alerts behave as their unit tests say. */
class PrometheusAssetsTest {

    static final Path PROMETHEUS = ExternalTool.repositoryRoot().resolve("deploy/prometheus");

    @Test
    void scrapeConfigurationIsValid() {
        ExternalTool.Result result = ExternalTool.run(PROMETHEUS, "promtool", "check", "config", "prometheus.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void alertRulesAreValid() {
        ExternalTool.Result result = ExternalTool.run(PROMETHEUS, "promtool", "check", "rules", "alerts.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 11 rules found");
    }

    @Test
    void alertUnitTestsPass() {
        ExternalTool.Result result = ExternalTool.run(PROMETHEUS, "promtool", "test", "rules", "alerts_test.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
