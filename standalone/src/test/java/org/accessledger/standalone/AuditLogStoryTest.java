package org.accessledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.accessledger.platform.audit.AuditLog;
import org.accessledger.platform.audit.log.StoredEvent;
import org.accessledger.platform.audit.note.Checkpoint;
import org.accessledger.platform.audit.note.NoteVerifierKey;
import org.accessledger.platform.audit.tree.MerkleHashes;
import org.accessledger.platform.audit.tree.ProofVerifier;
import org.accessledger.platform.time.MutableClock;
import org.accessledger.standalone.audit.VerifyCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.accessledger.standalone.HrEvents.hire;
import static org.accessledger.standalone.HrEvents.hireInto;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor's walk through the tamper-evident log: a signed checkpoint, a grant's inclusion proven against it, the
 * export verified offline (and caught when changed), and a later checkpoint consistent with it across a restart.
 */
class AuditLogStoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void a_grant_is_proven_in_a_signed_checkpoint_and_the_export_verifies_offline_until_a_byte_changes() throws Exception {
        Path data = directory.resolve("data");
        try (RunningApp app = RunningApp.start(data, new MutableClock(Instant.parse("2026-12-07T10:00:00Z")))) {
            long position = app.postHrEvents(hireInto("au-1", "AU1", "2026-12-01", "Finance", "FIN-ANALYST", "CC-100"))
                    .body().at("/results/0/position").asLong();
            JsonNode grant = app.asAuditor("/api/v1/workers/AU1/access?minPosition=" + position).body().at("/items/0");
            String grantEventId = app.history("AU1", "ACCESS").stream()
                    .filter(entry -> entry.at("/details/entitlement").asText().equals(grant.get("entitlement").asText()))
                    .map(entry -> entry.get("eventId").asText()).findFirst().orElseThrow();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> app.bean(AuditLog.class).leafIndexOf(grantEventId).isPresent());

            NoteVerifierKey key = NoteVerifierKey.parse(app.getText("/api/v1/audit/public-key", "text/plain"));
            RunningApp.Response made = app.send("POST", "/api/v1/audit/checkpoints", "application/json", "");
            assertThat(made.status()).isEqualTo(201);
            String note = app.getText("/api/v1/audit/checkpoint", "text/plain");
            Checkpoint checkpoint = Checkpoint.open(note, key);
            assertThat(checkpoint.size()).isEqualTo(made.body().get("treeSize").asLong()).isPositive();

            List<String> export = app.getText("/api/v1/audit/events?to=" + checkpoint.size(), "application/x-ndjson")
                    .lines().toList();
            assertThat(export).hasSize((int) checkpoint.size());
            StoredEvent granted = export.stream().map(AuditLogStoryTest::event)
                    .filter(event -> event.eventIdentifier().equals(grantEventId)).findFirst().orElseThrow();
            JsonNode inclusion = app.asAuditor("/api/v1/audit/proofs/inclusion?eventId=" + grantEventId
                    + "&treeSize=" + checkpoint.size()).body();
            assertThat(ProofVerifier.verifyInclusion(inclusion.get("leafIndex").asLong(), checkpoint.size(),
                    MerkleHashes.leaf(granted.canonicalBytes()), hashes(inclusion.get("proof")), checkpoint.rootHash()))
                    .as("the grant's inclusion in the signed tree").isTrue();

            Files.write(directory.resolve("events.ndjson"), export);
            Files.writeString(directory.resolve("checkpoint.txt"), note);
            Files.writeString(directory.resolve("key.pub"), key.encoded());
            assertThat(verifyOffline("events.ndjson")).startsWith("0 verified");

            List<String> tampered = new ArrayList<>(export);
            tampered.set(tampered.size() / 2, withOnePayloadByteChanged(tampered.get(tampered.size() / 2)));
            Files.write(directory.resolve("tampered.ndjson"), tampered);
            assertThat(verifyOffline("tampered.ndjson")).startsWith("1 NOT verified");
            List<String> withoutOne = new ArrayList<>(export);
            withoutOne.remove(0);
            Files.write(directory.resolve("shortened.ndjson"), withoutOne);
            assertThat(verifyOffline("shortened.ndjson")).startsWith("1 NOT verified");
        }

        try (RunningApp restarted = RunningApp.start(data, new MutableClock(Instant.parse("2026-12-07T11:00:00Z")))) {
            NoteVerifierKey key = NoteVerifierKey.parse(restarted.getText("/api/v1/audit/public-key", "text/plain"));
            Checkpoint first = Checkpoint.open(Files.readString(directory.resolve("checkpoint.txt")), key);
            restarted.postHrEvents(hire("au-2", "AU2", "2026-12-01", "au2@example.com"));
            long later = restarted.send("POST", "/api/v1/audit/checkpoints", "application/json", "").body()
                    .get("treeSize").asLong();
            Checkpoint second = Checkpoint.open(restarted.getText("/api/v1/audit/checkpoint", "text/plain"), key);
            assertThat(second.size()).isEqualTo(later).isGreaterThan(first.size());

            JsonNode consistency = restarted.asAuditor("/api/v1/audit/proofs/consistency?from=" + first.size()
                    + "&to=" + second.size()).body();
            assertThat(ProofVerifier.verifyConsistency(first.size(), second.size(), first.rootHash(), second.rootHash(),
                    hashes(consistency.get("proof")))).as("the restarted log extends the first checkpoint").isTrue();
        }
    }

    @Test
    void a_payload_byte_changed_in_the_h2_file_is_found_by_verification_at_its_global_index() throws Exception {
        Path data = directory.resolve("data");
        String hireEventId;
        try (RunningApp app = RunningApp.start(data, new MutableClock(Instant.parse("2026-12-07T10:00:00Z")))) {
            long position = app.postHrEvents(hireInto("au-4", "AU4", "2026-12-01", "Finance", "FIN-ANALYST", "CC-100"))
                    .body().at("/results/0/position").asLong();
            app.asAuditor("/api/v1/workers/AU4/access?minPosition=" + position);
            hireEventId = app.lifecycleHistory("AU4").get(0).get("eventId").asText();
            String inLog = hireEventId;
            // Only what the log holds is protected: an event still behind a gap in the store could be changed unseen.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> app.bean(AuditLog.class).leafIndexOf(inLog).isPresent());

            JsonNode passed = finishedVerification(app);
            assertThat(passed.get("status").asText()).isEqualTo("PASSED");
            assertThat(passed.get("eventsChecked").asLong()).isPositive();
            assertThat(app.get("/actuator/prometheus", null, null).body().asText())
                    .contains("accessledger_audit_integrity_ok 1.0");
        }

        long tampered;
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("eventstore"), "sa", "")) {
            ResultSet hired = h2.createStatement().executeQuery("SELECT globalIndex FROM DomainEventEntry "
                    + "WHERE eventIdentifier = '" + hireEventId + "' AND UTF8TOSTRING(payload) LIKE '%Finance%'");
            assertThat(hired.next()).isTrue();
            tampered = hired.getLong(1);
            h2.createStatement().executeUpdate("UPDATE DomainEventEntry SET payload = "
                    + "STRINGTOUTF8(REPLACE(UTF8TOSTRING(payload), 'Finance', 'Financf')) WHERE globalIndex = " + tampered);
        }

        try (RunningApp restarted = RunningApp.start(data, new MutableClock(Instant.parse("2026-12-07T11:00:00Z")))) {
            JsonNode failed = finishedVerification(restarted);

            assertThat(failed.get("status").asText()).isEqualTo("FAILED");
            assertThat(failed.at("/firstMismatch/finding").asText()).isEqualTo("EVENT_CHANGED");
            assertThat(failed.at("/firstMismatch/globalIndex").asLong()).isEqualTo(tampered);
            assertThat(restarted.get("/actuator/prometheus", null, null).body().asText())
                    .contains("accessledger_audit_integrity_ok 0.0");
        }
    }

    private static JsonNode finishedVerification(RunningApp app) {
        RunningApp.Response started = app.send("POST", "/api/v1/audit/verifications", "application/json", "");
        assertThat(started.status()).isEqualTo(202);
        String id = started.body().get("verificationId").asText();
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> app.asAuditor("/api/v1/audit/verifications/" + id).body(),
                        run -> !run.get("status").asText().equals("RUNNING"));
    }

    @Test
    void proofs_for_sizes_the_log_has_not_reached_or_events_it_does_not_hold_are_refused() {
        try (RunningApp app = RunningApp.start(directory.resolve("data"), new MutableClock(Instant.parse("2026-12-07T10:00:00Z")))) {
            app.postHrEvents(hire("au-3", "AU3", "2026-12-01", "au3@example.com"));

            RunningApp.Response tooLarge = app.asAuditor("/api/v1/audit/proofs/inclusion?eventId=x&treeSize=999999999");
            RunningApp.Response unknown = app.asAuditor("/api/v1/audit/proofs/inclusion?eventId=no-such-event&treeSize=1");
            RunningApp.Response emptyTree = app.asAuditor("/api/v1/audit/proofs/consistency?from=0&to=1");

            assertThat(tooLarge.status()).isEqualTo(400);
            assertThat(tooLarge.body().at("/errors/0/field").asText()).isEqualTo("treeSize");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(emptyTree.status()).isEqualTo(400);
            assertThat(emptyTree.body().at("/errors/0/field").asText()).isEqualTo("from");
            assertThat(app.withAuthorization("POST", "/api/v1/audit/checkpoints", null, "application/json", "").status())
                    .isEqualTo(401);
        }
    }

    private String verifyOffline(String exportFile) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(new PrintStream(printed, true, StandardCharsets.UTF_8),
                "--export", directory.resolve(exportFile).toString(),
                "--checkpoint", directory.resolve("checkpoint.txt").toString(),
                "--public-key", directory.resolve("key.pub").toString());
        return exit + " " + printed.toString(StandardCharsets.UTF_8);
    }

    private static StoredEvent event(String line) {
        try {
            return JSON.readValue(line, StoredEvent.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withOnePayloadByteChanged(String line) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(line);
            byte[] payload = Base64.getDecoder().decode(event.get("payload").asText());
            payload[payload.length / 2] ^= 1;
            event.put("payload", Base64.getEncoder().encodeToString(payload));
            return JSON.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<byte[]> hashes(JsonNode proof) {
        List<byte[]> hashes = new ArrayList<>();
        proof.forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asText())));
        return hashes;
    }
}
