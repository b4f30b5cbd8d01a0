package org.accessledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.accessledger.connector.testservers.Slapd;
import org.accessledger.platform.time.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.accessledger.standalone.HrEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Mass deprovisioning held behind a target's safeguard, against a real slapd: tripped, held, released as the net change. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SafeguardStoryTest {

    static final String PEOPLE = TargetArguments.PEOPLE;
    static final String DISABLED = "accessledger:disabled";
    static final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    @TempDir
    static Path directory;
    static Slapd slapd;
    static LdapProbe ldap;
    static RunningApp app;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(directory.resolve("slapd"));
        slapd = Slapd.start(directory.resolve("slapd"));
        ldap = new LdapProbe(slapd, PEOPLE);
        app = RunningApp.start(directory.resolve("data"), clock, TargetArguments.all(List.of(
                TargetArguments.ldap("corp-ldap", slapd, "safeguard.max-deprovisions=20", "safeguard.max-percent=100"))));
    }

    @AfterAll
    static void stop() {
        app.close();
        slapd.close();
    }

    @Test
    @Order(1)
    void thirtyTerminationsTripAfterTwentyHoldTheRestAndTheReleaseSendsOnlyWhatIsStillDue() throws Exception {
        accept(batch(IntStream.range(0, 31).mapToObj(i -> hireInto("h-" + i, worker(i), "2026-12-01", "Sales", "SALES-REP", "CC-200"))
                .toArray(String[]::new)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(IntStream.range(0, 31).mapToObj(SafeguardStoryTest::groupCount))
                .containsOnly(4));

        accept(batch(IntStream.range(0, 30).mapToObj(i -> terminate("t-" + i, worker(i), "2026-12-06")).toArray(String[]::new)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode safeguard = corpLdap().get("safeguard");
            assertThat(safeguard.get("state").asText()).isEqualTo("TRIPPED");
            assertThat(safeguard.get("held").asInt()).isEqualTo(10);
            assertThat(corpLdap().get("caughtUp").asBoolean()).isTrue();
        });
        assertThat(disabled()).hasSize(20);
        assertThat(metrics()).contains("accessledger_safeguard_tripped{target=\"corp-ldap\"} 1.0");

        accept(hireInto("h-40", "G40", "2026-12-01", "Sales", "SALES-REP", "CC-200"));
        await("grants keep flowing while deprovisioning is held").atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(ldap.groups("G40")).hasSize(4));

        List<String> held = IntStream.range(0, 30).mapToObj(SafeguardStoryTest::worker).filter(worker -> !disabled().contains(worker)).toList();
        String reverted = held.get(0);
        // HR reverts one held termination: the worker is rehired, into Finance.
        accept(rehire("rh-1", reverted, "2026-12-07", reverted.toLowerCase() + "@example.com"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode desired = app.asAuditor("/api/v1/targets/corp-ldap/accounts/" + reverted).body().get("desired");
            assertThat(desired.get("account").asText()).isEqualTo("ACTIVE");
            assertThat(desired.get("entitlements")).hasSize(5);
        });

        RunningApp.Response released = app.send("POST", "/api/v1/targets/corp-ldap/safeguard/release", "application/json",
                "{\"reason\":\"planned closure of the Sales office\"}");

        assertThat(released.status()).isEqualTo(200);
        assertThat(released.body().get("workers").asInt()).isEqualTo(10);
        assertThat(released.body().get("operationsSent").asInt())
                .as("nine disables; for the rehired worker no disable, only the removal of the Sales group Finance does not justify").isEqualTo(10);
        List<String> leavers = IntStream.range(0, 30).mapToObj(SafeguardStoryTest::worker).filter(worker -> !worker.equals(reverted)).toList();
        assertThat(disabled()).containsExactlyInAnyOrderElementsOf(leavers);
        assertThat(ldap.groups(reverted)).containsExactlyInAnyOrder("chat-member", "email-mailbox", "erp-user", "hr-portal-self-service", "payroll-viewer");
        assertThat(corpLdap().get("safeguard").get("state").asText()).isEqualTo("ARMED");
        assertThat(metrics()).contains("accessledger_safeguard_tripped{target=\"corp-ldap\"} 0.0");

        RunningApp.Response again = app.send("POST", "/api/v1/targets/corp-ldap/safeguard/release", "application/json", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("code").asText()).isEqualTo("SAFEGUARD_NOT_TRIPPED");
    }

    @Test
    @Order(2)
    void aReconciliationsRepairsPassTheSameSafeguard() throws Exception {
        accept(batch(IntStream.range(50, 75).mapToObj(i -> hireInto("h-" + i, worker(i), "2026-12-01", "Sales", "SALES-REP", "CC-200"))
                .toArray(String[]::new)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(IntStream.range(50, 75).mapToObj(SafeguardStoryTest::groupCount))
                .containsOnly(4));
        for (int i = 50; i < 75; i++) {
            ldap.join("erp-user", worker(i));
        }

        RunningApp.Response started = app.send("POST", "/api/v1/targets/corp-ldap/reconciliations", "application/json", "");
        String run = "/api/v1/targets/corp-ldap/reconciliations/" + started.body().get("reconciliationId").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = app.asAuditor(run).body();
            assertThat(status.at("/findings/EXTRA_ENTITLEMENT").asInt()).isEqualTo(25);
            assertThat(status.get("remediated").asInt()).isEqualTo(20);
            assertThat(status.get("held").asInt()).isEqualTo(5);
            assertThat(status.get("status").asText()).isEqualTo("HELD");
        });
        assertThat(corpLdap().at("/safeguard/state").asText()).isEqualTo("TRIPPED");

        RunningApp.Response released = app.send("POST", "/api/v1/targets/corp-ldap/safeguard/release", "application/json", "{\"reason\":\"hand-made memberships\"}");
        assertThat(released.body().get("operationsSent").asInt()).isEqualTo(5);
        for (int i = 50; i < 75; i++) {
            assertThat(ldap.groups(worker(i))).as(worker(i)).doesNotContain("erp-user");
        }
    }

    static String worker(int i) {
        return "S%02d".formatted(i);
    }

    static int groupCount(int i) {
        try {
            return ldap.groups(worker(i)).size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> disabled() {
        List<String> disabled = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            try {
                if (DISABLED.equals(ldap.account(worker(i)).getAttributeValue("description"))) {
                    disabled.add(worker(i));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return disabled;
    }

    static JsonNode corpLdap() {
        return app.asAuditor("/api/v1/targets").body().get(0);
    }

    static String metrics() {
        return app.get("/actuator/prometheus", null, null).body().asText();
    }

    static void accept(String events) {
        RunningApp.Response response = app.postHrEvents(events);
        assertThat(response.body().findValuesAsText("outcome")).as(response.body().toString()).containsOnly("ACCEPTED");
    }
}
