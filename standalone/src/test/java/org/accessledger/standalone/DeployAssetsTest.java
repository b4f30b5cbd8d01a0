package org.accessledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The compose file, the Kubernetes manifests and the Grafana assets in deploy/ are well-formed and complete. */
class DeployAssetsTest {

    static final Path DEPLOY = ExternalTool.repositoryRoot().resolve("deploy");
    static final List<String> SERVICES = List.of("identity-service", "entitlement-service", "connector-service");

    @Test
    void composeFileIsValid() {
        ExternalTool.Result result = ExternalTool.run(DEPLOY, "env", "ACCESSLEDGER_HR_PASSWORD=x", "ACCESSLEDGER_AUDITOR_PASSWORD=x",
                "ACCESSLEDGER_ADMIN_PASSWORD=x", "GRAFANA_ADMIN_PASSWORD=x", "docker-compose", "-f", "compose.yaml", "config", "-q");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void composeRunsTheThreeServicesOnAxonServerAndMongoWithPrometheusAndGrafana() throws IOException {
        JsonNode services = new YAMLMapper().readTree(DEPLOY.resolve("compose.yaml").toFile()).get("services");
        assertThat(services.fieldNames()).toIterable()
                .contains("axonserver", "mongo", "identity-service", "entitlement-service", "connector-service", "prometheus", "grafana");
        for (String service : SERVICES) {
            assertThat(ExternalTool.repositoryRoot().resolve(service).resolve("Dockerfile")).exists();
        }
    }

    @Test
    void everyServiceHasADeploymentWithProbesLimitsAndSecretsAServiceAndADisruptionBudget() throws IOException {
        List<JsonNode> documents = kubernetesDocuments();
        for (String service : SERVICES) {
            JsonNode deployment = find(documents, "Deployment", service);
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
            assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
            assertThat(container.at("/resources/limits/cpu").asText()).isNotEmpty();
            assertThat(container.get("env").findValuesAsText("name")).contains("ACCESSLEDGER_ADMIN_PASSWORD", "ACCESSLEDGER_MONGO_URI");
            assertThat(container.get("env").findValues("secretKeyRef")).isNotEmpty();
            Map<String, Object> labels = new ObjectMapper().convertValue(deployment.at("/spec/template/metadata/labels"), Map.class);
            Map<String, Object> selector = new ObjectMapper().convertValue(find(documents, "Service", service).at("/spec/selector"), Map.class);
            assertThat(labels).containsAllEntriesOf(selector);
            assertThat(find(documents, "PodDisruptionBudget", service).at("/spec/selector/matchLabels").equals(deployment.at("/spec/selector/matchLabels"))).isTrue();
        }
        JsonNode monitor = documents.stream().filter(d -> d.path("kind").asText().equals("ServiceMonitor")).findFirst().orElseThrow();
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/actuator/prometheus");
        assertThat(documents.stream().filter(d -> d.path("kind").asText().equals("ConfigMap"))).hasSize(1);
    }

    @Test
    void grafanaIsProvisionedWithTheDashboard() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DEPLOY.resolve("grafana/dashboards/accessledger.json").toFile());
        assertThat(dashboard.get("panels").findValuesAsText("title")).contains("Time to provision per target", "Time to revoke per target",
                "HR intake by type and outcome", "Access changes", "Dead letters (parked workers) per target", "Event processor lag", "JVM heap used");
        JsonNode provider = new YAMLMapper().readTree(DEPLOY.resolve("grafana/provisioning/dashboards/accessledger.yaml").toFile());
        assertThat(provider.at("/providers/0/options/path").asText()).isEqualTo("/var/lib/grafana/dashboards");
        JsonNode datasource = new YAMLMapper().readTree(DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yaml").toFile());
        assertThat(datasource.at("/datasources/0/uid").asText()).isEqualTo(dashboard.at("/panels/0/datasource/uid").asText());
    }

    /** Every PromQL expression of the dashboard, for checking against the metrics the app really exposes. */
    static List<String> dashboardExpressions() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DEPLOY.resolve("grafana/dashboards/accessledger.json").toFile());
        return dashboard.get("panels").findValuesAsText("expr");
    }

    private static List<JsonNode> kubernetesDocuments() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).toList()) {
                new YAMLMapper(new YAMLFactory()).readerFor(JsonNode.class).readValues(file.toFile()).forEachRemaining(node -> documents.add((JsonNode) node));
            }
        }
        return documents;
    }

    private static JsonNode find(List<JsonNode> documents, String kind, String name) {
        return documents.stream().filter(d -> d.path("kind").asText().equals(kind) && d.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }
}
