package org.accessledger.standalone;

import org.accessledger.platform.time.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import static org.accessledger.standalone.HrEvents.hire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Who may call what; refusals are problem+json. */
class SecurityTest {

    @TempDir
    static Path dataDir;
    static RunningApp app;

    @BeforeAll
    static void start() {
        app = RunningApp.start(dataDir, new MutableClock(Instant.parse("2026-11-21T10:00:00Z")));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void callWithoutCredentialsIsUnauthenticated() {
        RunningApp.Response response = app.get("/api/v1/workers/E1", null, null);

        BadInputTest.assertProblem(response, 401, "UNAUTHENTICATED");
    }

    @Test
    void wrongPasswordIsUnauthenticated() {
        BadInputTest.assertProblem(app.postHrEvents("hr", "guess", hire("s-1", "Z1", "2026-11-01", "z1@example.com")), 401, "UNAUTHENTICATED");
        assertThat(app.asAuditor("/api/v1/workers/Z1").status()).isEqualTo(404);
    }

    @Test
    void auditorCannotPostHrEvents() {
        RunningApp.Response response = app.postHrEvents("auditor", RunningApp.AUDITOR_PASSWORD, hire("s-2", "Z2", "2026-11-01", "z2@example.com"));

        BadInputTest.assertProblem(response, 403, "FORBIDDEN");
        assertThat(app.asAuditor("/api/v1/workers/Z2").status()).isEqualTo(404);
    }

    @Test
    void hrAdapterCannotReadWorkers() {
        BadInputTest.assertProblem(app.get("/api/v1/workers/Z3", "hr", RunningApp.HR_PASSWORD), 403, "FORBIDDEN");
    }

    @Test
    void adminMayPostAndRead() {
        assertThat(app.postHrEvents("admin", RunningApp.ADMIN_PASSWORD, hire("s-4", "Z4", "2026-11-01", "z4@example.com"))
                .body().at("/results/0/outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(app.get("/api/v1/workers/Z4/history", "admin", RunningApp.ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void healthAndPrometheusScrapeNeedNoCredentials() {
        assertThat(app.get("/actuator/health", null, null).status()).isEqualTo(200);
        assertThat(app.get("/actuator/prometheus", null, null).status()).isEqualTo(200);
    }

    @Test
    void buildInfoNamesTheCommitToAuthenticatedCallers() {
        ExternalTool.Result head = ExternalTool.run(ExternalTool.repositoryRoot(), "git", "rev-parse", "HEAD");
        assumeTrue(head.exitCode() == 0, "built outside a git repository, so no commit to name");

        BadInputTest.assertProblem(app.get("/actuator/info", null, null), 401, "UNAUTHENTICATED");
        RunningApp.Response info = app.asAuditor("/actuator/info");
        assertThat(info.status()).isEqualTo(200);
        assertThat(head.output().trim()).startsWith(info.body().at("/git/commit/id/abbrev").asText("none"));
        assertThat(info.body().at("/git/dirty").asText()).isIn("true", "false");
    }

    @Test
    void theApiDescriptionIsServedWithoutLoginAndNamesEveryEndpointOfTheReadme() throws Exception {
        RunningApp.Response response = app.get("/v3/api-docs", null, null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().at("/info/title").asText()).isEqualTo("AccessLedger");
        assertThat(response.body().at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        java.util.Set<String> described = new java.util.TreeSet<>();
        response.body().get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                described.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey().replaceAll("\\{[^}]*}", "{}"))));
        java.util.regex.Matcher endpoints = java.util.regex.Pattern.compile("`(GET|POST|PUT|DELETE) (/api/[^`\\[ ?]+)")
                .matcher(Files.readString(Path.of("..", "README.md")));
        java.util.List<String> documented = new java.util.ArrayList<>();
        while (endpoints.find()) {
            documented.add(endpoints.group(1) + " " + endpoints.group(2).replaceAll("\\{[^}]*}", "{}"));
        }
        assertThat(documented).hasSizeGreaterThan(20);
        // A documented path may name a parameter ({id}) or give a value (target-accounts); either fits the template.
        java.util.List<java.util.regex.Pattern> templates = described.stream()
                .map(template -> java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(template).replace("{}", "\\E[^/]+\\Q"))).toList();
        assertThat(documented).allSatisfy(endpoint -> assertThat(templates).as(endpoint + " in the API description")
                .anyMatch(template -> template.matcher(endpoint).matches()));
    }

    @Test
    void passwordsNotGivenAreGeneratedIntoAnOwnerOnlyFile(@TempDir Path otherDataDir) throws Exception {
        try (RunningApp generated = RunningApp.start(otherDataDir, new MutableClock(Instant.now()),
                "--ACCESSLEDGER_HR_PASSWORD=", "--ACCESSLEDGER_AUDITOR_PASSWORD=")) {
            Path file = otherDataDir.resolve("credentials.properties");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            java.util.Properties stored = new java.util.Properties();
            try (var reader = Files.newBufferedReader(file)) {
                stored.load(reader);
            }
            assertThat(stored.stringPropertyNames()).containsExactlyInAnyOrder("hr", "auditor");
            assertThat(generated.get("/api/v1/workers/none", "auditor", stored.getProperty("auditor")).status()).isEqualTo(404);
            assertThat(generated.get("/api/v1/workers/none", "auditor", RunningApp.AUDITOR_PASSWORD).status()).isEqualTo(401);
        }
    }
}
