package org.accessledger.platform.audit.log;

import org.accessledger.platform.audit.log.CheckpointStore.StoredCheckpoint;
import org.accessledger.platform.audit.log.LogVerification.Finding;
import org.accessledger.platform.audit.note.Checkpoint;
import org.accessledger.platform.audit.note.Ed25519NoteKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tampering straight in the event store's database, as someone with write access to it could, and what verification reports. */
class LogVerificationTest {

    private static final int EVENTS = 2500;

    private final Ed25519NoteKey key = Ed25519NoteKey.generate("test.example/log");
    private EventTableFixture events;
    private List<StoredCheckpoint> checkpoints;

    @BeforeEach
    void aLogWithCheckpoints() throws SQLException {
        events = new EventTableFixture();
        for (long index = 1; index <= EVENTS; index++) {
            events.storeEvent(index);
        }
        AuditLogAppender appender = events.appender(Duration.ofSeconds(10), 1000);
        StoredCheckpoint first = checkpoint(appender);
        while (appender.appendAvailable() > 0) {
            // the whole store
        }
        checkpoints = List.of(first, checkpoint(appender));
    }

    @Test
    void an_untouched_store_verifies_against_every_checkpoint() {
        LogVerification.Outcome outcome = verify();

        assertThat(outcome.intact()).isTrue();
        assertThat(outcome.eventsChecked()).isEqualTo(EVENTS);
        assertThat(outcome.checkpointsChecked()).isEqualTo(2);
    }

    @Test
    void one_changed_payload_byte_is_reported_at_its_index() throws SQLException {
        events.tamper("UPDATE DomainEventEntry SET payload = UTF8TOSTRING(payload) || ' ' WHERE globalIndex = 1234");

        assertMismatch(verify(), Finding.EVENT_CHANGED, 1233, 1234);
    }

    @Test
    void a_deleted_event_is_reported_at_its_index() throws SQLException {
        events.tamper("DELETE FROM DomainEventEntry WHERE globalIndex = 77");

        assertMismatch(verify(), Finding.EVENT_MISSING, 76, 77);
    }

    @Test
    void two_swapped_events_are_reported_at_the_first() throws SQLException {
        events.tamper("UPDATE DomainEventEntry SET globalIndex = -1 WHERE globalIndex = 300");
        events.tamper("UPDATE DomainEventEntry SET globalIndex = 300 WHERE globalIndex = 2000");
        events.tamper("UPDATE DomainEventEntry SET globalIndex = 2000 WHERE globalIndex = -1");

        assertMismatch(verify(), Finding.EVENT_CHANGED, 299, 300);
    }

    @Test
    void an_event_inserted_after_the_fact_is_reported() throws SQLException {
        events.storeEvent(0);

        LogVerification.Outcome outcome = verify();

        assertThat(outcome.firstMismatch().finding()).isEqualTo(Finding.EVENT_NOT_IN_LOG);
        assertThat(outcome.firstMismatch().globalIndex()).isZero();
    }

    @Test
    void a_leaf_deleted_from_the_log_is_reported_at_its_index() throws SQLException {
        events.tamper("DELETE FROM audit_log_leaf WHERE leaf_index = 499");

        LogVerification.Outcome outcome = verify();

        assertThat(outcome.firstMismatch().finding()).isEqualTo(Finding.LEAF_MISSING);
        assertThat(outcome.firstMismatch().leafIndex()).isEqualTo(499);
    }

    @Test
    void an_event_and_its_leaf_changed_together_fail_the_signed_root() throws SQLException {
        events.tamper("UPDATE DomainEventEntry SET payload = STRINGTOUTF8('{\"n\":999}') WHERE globalIndex = 10");
        StoredEvent forged = events.reader.at(List.of(10L)).get(0);
        events.tamper("UPDATE audit_log_leaf SET leaf_hash = '" + java.util.HexFormat.of()
                .formatHex(org.accessledger.platform.audit.tree.MerkleHashes.leaf(forged.canonicalBytes()))
                + "' WHERE global_index = 10");

        LogVerification.Outcome outcome = verify();

        assertThat(outcome.firstMismatch().finding()).isEqualTo(Finding.ROOT_DIFFERS);
        assertThat(outcome.checkpointsChecked()).isZero();
    }

    @Test
    void a_checkpoint_signed_by_another_key_is_reported() {
        StoredCheckpoint foreign = new StoredCheckpoint(EVENTS, Instant.now(),
                Checkpoint.parse(checkpoints.get(1).note().substring(0, checkpoints.get(1).note().indexOf("\n\n") + 1))
                        .signedBy(Ed25519NoteKey.generate("test.example/log")));

        LogVerification.Outcome outcome = LogVerification.run(events.reader, List.of(foreign), key.verifierKey(),
                events.store.size(), done -> { });

        assertThat(outcome.firstMismatch().finding()).isEqualTo(Finding.CHECKPOINT_SIGNATURE_INVALID);
    }

    private LogVerification.Outcome verify() {
        return LogVerification.run(events.reader, checkpoints, key.verifierKey(), events.store.size(), done -> { });
    }

    private StoredCheckpoint checkpoint(AuditLogAppender appender) {
        appender.appendAvailable();
        return new StoredCheckpoint(appender.size(), Instant.now(),
                new Checkpoint("test.example/log", appender.size(), appender.root()).signedBy(key));
    }

    private static void assertMismatch(LogVerification.Outcome outcome, Finding finding, long leafIndex, long globalIndex) {
        assertThat(outcome.intact()).isFalse();
        assertThat(outcome.firstMismatch().finding()).isEqualTo(finding);
        assertThat(outcome.firstMismatch().leafIndex()).isEqualTo(leafIndex);
        assertThat(outcome.firstMismatch().globalIndex()).isEqualTo(globalIndex);
        assertThat(outcome.eventsChecked()).isEqualTo(leafIndex);
    }
}
