package org.accessledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.accessledger.connector.testservers.Slapd;
import org.accessledger.platform.time.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.accessledger.standalone.HrEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A target added to the configuration later starts at the head of the event stream and is filled by a reconciliation. */
class NewTargetTest {

    static final String PEOPLE = TargetArguments.PEOPLE;

    @TempDir
    Path directory;

    @Test
    void aTargetAddedLaterIsNotReplayedIntoButFilledByAReconciliation() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
        Files.createDirectories(directory.resolve("first"));
        Files.createDirectories(directory.resolve("second"));
        try (Slapd first = Slapd.start(directory.resolve("first")); Slapd second = Slapd.start(directory.resolve("second"))) {
            LdapProbe added = new LdapProbe(second, PEOPLE);
            try (RunningApp app = RunningApp.start(directory.resolve("data"), clock, TargetArguments.all(List.of(TargetArguments.ldap("corp-ldap", first))))) {
                RunningApp.Response hired = app.postHrEvents(batch(hireInto("n-1", "N1", "2026-12-01", "Sales", "SALES-REP", "CC-200"),
                        hireInto("n-2", "N2", "2026-12-01", "Finance", "FIN-ANALYST", "CC-100"),
                        hireInto("n-3", "N3", "2026-12-01", "Sales", "SALES-REP", "CC-200")));
                assertThat(hired.body().findValuesAsText("outcome")).containsOnly("ACCEPTED");
                assertThat(app.postHrEvents(terminate("n-4", "N3", "2026-12-05")).body().findValuesAsText("outcome")).containsOnly("ACCEPTED");
                LdapProbe original = new LdapProbe(first, PEOPLE);
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(original.groups("N2")).hasSize(5));
            }

            try (RunningApp app = RunningApp.start(directory.resolve("data"), clock,
                    TargetArguments.all(List.of(TargetArguments.ldap("corp-ldap", first), TargetArguments.ldap("second-ldap", second))))) {
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(app.asAuditor("/api/v1/targets").body().findValuesAsText("caughtUp")).containsOnly("true"));
                assertThat(added.account("N1")).as("history is not replayed into the new target").isNull();

                RunningApp.Response started = app.send("POST", "/api/v1/targets/second-ldap/reconciliations", "application/json", "");
                String id = started.body().get("reconciliationId").asText();
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    JsonNode run = app.asAuditor("/api/v1/targets/second-ldap/reconciliations/" + id).body();
                    assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
                    assertThat(run.at("/findings/MISSING_ACCOUNT").asInt()).as("the two workers still employed").isEqualTo(2);
                });
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    assertThat(added.groups("N1")).containsExactlyInAnyOrder("chat-member", "crm-sales-rep", "email-mailbox", "hr-portal-self-service");
                    assertThat(added.groups("N2")).containsExactlyInAnyOrder("chat-member", "email-mailbox", "erp-user", "hr-portal-self-service", "payroll-viewer");
                });
                assertThat(added.account("N3")).as("a leaver gets no account in a new target").isNull();
            }
        }
    }
}
