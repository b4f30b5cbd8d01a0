package org.accessledger.identity.snapshot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.accessledger.api.worker.ChangeType;
import org.accessledger.api.worker.WorkerStatus;
import org.accessledger.api.worker.WorkerType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotDiffTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final WorkerSnapshot.Assignment SALES = new WorkerSnapshot.Assignment("Sales", "SALES-REP", "London", "CC-1", null);
    final SnapshotDiff diff = new SnapshotDiff("digest-of-the-file", TODAY);

    @Test
    void aWorkerWhoLeftAndIsListedAgainWithALaterStartIsRehired() {
        SnapshotDiff.Plan plan = diff.of(row(LocalDate.of(2026, 12, 14), SALES, null), current(WorkerStatus.TERMINATED, LocalDate.of(2025, 1, 6), SALES));

        assertThat(plan.events()).extracting(event -> event.get("type").asText()).containsExactly("REHIRE");
        assertThat(plan.events().get(0).get("effectiveDate").asText()).isEqualTo("2026-12-14");
    }

    @Test
    void aLeaverListedWithTheOldEmploymentStillRunningIsNotedNotRevived() {
        SnapshotDiff.Plan plan = diff.of(row(LocalDate.of(2025, 1, 6), SALES, null), current(WorkerStatus.TERMINATED, LocalDate.of(2025, 1, 6), SALES));

        assertThat(plan.unchanged()).isTrue();
        assertThat(plan.notes()).singleElement().asString().contains("RESCIND");
    }

    @Test
    void aPreHireMovesOnItsStartDateAndOnlyTheChangedFieldsAreSent() {
        WorkerSnapshot.Assignment finance = new WorkerSnapshot.Assignment("Finance", "FIN-ANALYST", "London", "CC-1", null);
        LocalDate start = LocalDate.of(2027, 1, 4);

        ObjectNode move = diff.of(row(start, finance, null), current(WorkerStatus.PRE_HIRE, start, SALES)).events().get(0);

        assertThat(move.get("effectiveDate").asText()).isEqualTo("2027-01-04");
        assertThat(move.get("assignment").toString()).isEqualTo("{\"department\":\"Finance\",\"jobCode\":\"FIN-ANALYST\"}");
    }

    @Test
    void whatTheHrApiHasNoEventForIsNotedAndNothingIsSent() {
        WorkerSnapshot renamed = new WorkerSnapshot("W1", "Ann", "Lee-Smith", "ann@example.com", WorkerType.EMPLOYEE, "Europe/London",
                LocalDate.of(2026, 1, 12), null, SALES, null, null, null, null);

        SnapshotDiff.Plan plan = diff.of(renamed, current(WorkerStatus.ACTIVE, LocalDate.of(2026, 1, 5),
                new WorkerSnapshot.Assignment("Sales", "SALES-REP", "London", "CC-1", "M1")));

        assertThat(plan.unchanged()).isTrue();
        assertThat(plan.notes()).containsExactly("the snapshot names no manager; the manager M1 stays (a move cannot remove one)",
                "startDate 2026-01-12 differs from 2026-01-05 (send a CORRECTION of the hire)",
                "name or e-mail differ; the HR API has no event that changes them");
    }

    @Test
    void aTerminationAlreadyScheduledIsNotSentAgainAndEventIdsDependOnTheFile() {
        CurrentWorker leaving = new CurrentWorker("W1", WorkerStatus.ACTIVE, "Ann", "Lee", "ann@example.com", LocalDate.of(2026, 1, 5), null, SALES,
                Set.of(ChangeType.TERMINATION));
        WorkerSnapshot row = row(LocalDate.of(2026, 1, 5), SALES, LocalDate.of(2026, 12, 31));

        assertThat(diff.of(row, leaving).unchanged()).isTrue();
        String id = diff.of(row, current(WorkerStatus.ACTIVE, LocalDate.of(2026, 1, 5), SALES)).events().get(0).get("hrEventId").asText();
        String idFromAnotherFile = new SnapshotDiff("another-file", TODAY).of(row, current(WorkerStatus.ACTIVE, LocalDate.of(2026, 1, 5), SALES))
                .events().get(0).get("hrEventId").asText();
        assertThat(id).startsWith("import-").isNotEqualTo(idFromAnotherFile);
    }

    @Test
    void aLeaveShownAheadStartsWithItsEndAndALeaveHeldHereEndsOnTheSnapshotsDate() {
        LocalDate start = LocalDate.of(2026, 1, 5);
        WorkerSnapshot away = leave(start, SALES, LocalDate.of(2026, 12, 1), LocalDate.of(2027, 2, 1), null);

        assertThat(diff.of(away, current(WorkerStatus.ACTIVE, start, SALES)).events())
                .extracting(event -> event.get("type").asText() + " " + event.get("effectiveDate").asText())
                .containsExactly("LEAVE_START 2026-12-01", "LEAVE_END 2027-02-01");
        assertThat(diff.of(away, current(WorkerStatus.ON_LEAVE, start, SALES)).events())
                .extracting(event -> event.get("type").asText()).containsExactly("LEAVE_END");
        assertThat(diff.of(leave(start, SALES, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1), null), current(WorkerStatus.ACTIVE, start, SALES))
                .unchanged()).as("a leave that is over").isTrue();
    }

    private static WorkerSnapshot row(LocalDate start, WorkerSnapshot.Assignment assignment, LocalDate terminationDate) {
        return leave(start, assignment, null, null, terminationDate);
    }

    private static WorkerSnapshot leave(LocalDate start, WorkerSnapshot.Assignment assignment, LocalDate leaveStart, LocalDate leaveEnd,
                                        LocalDate terminationDate) {
        return new WorkerSnapshot("W1", "Ann", "Lee", "ann@example.com", WorkerType.EMPLOYEE, "Europe/London", start, null, assignment,
                leaveStart, leaveEnd, terminationDate, null);
    }

    private static CurrentWorker current(WorkerStatus status, LocalDate start, WorkerSnapshot.Assignment assignment) {
        return new CurrentWorker("W1", status, "Ann", "Lee", "ann@example.com", start, null, assignment, Set.of());
    }
}
