package org.accessledger.identity.worker;

import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.AssignmentChange;
import org.accessledger.api.worker.ChangeType;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.TimelineStep;
import org.accessledger.api.worker.WorkerStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.accessledger.api.worker.ChangeType.*;
import static org.assertj.core.api.Assertions.assertThat;

class EmploymentTimelineTest {

    static final Instant DAY_0 = Instant.parse("2026-01-05T00:00:00Z");
    static final Assignment SALES = new Assignment("Sales", "REP", "London", "CC-1", null);
    static final Instant NOW = DAY_0.plusSeconds(86_400L * 300);

    static ScheduledChange change(String id, ChangeType type, int day, String department) {
        return new ScheduledChange(HrEventId.of(id), type, DAY_0.plusSeconds(86_400L * day),
                department == null ? null : new AssignmentChange(department, null, null, null, null), type == TERMINATION ? "resigned" : null);
    }

    static EmploymentTimeline withAll(List<ScheduledChange> changes) {
        EmploymentTimeline timeline = EmploymentTimeline.hiredAs(SALES);
        for (ScheduledChange change : changes) {
            timeline = timeline.with(change);
        }
        return timeline;
    }

    static final List<ScheduledChange> HISTORY = List.of(change("start", START, 0, null), change("m1", ASSIGNMENT_CHANGE, 30, "Finance"),
            change("l1", LEAVE_START, 60, null), change("l2", LEAVE_END, 90, null), change("m2", ASSIGNMENT_CHANGE, 120, "Engineering"),
            change("t", TERMINATION, 200, null), change("m3", ASSIGNMENT_CHANGE, 250, "Legal"));

    @Test
    void theFoldIsTheSameWhateverOrderTheChangesWereAcceptedIn() {
        EmploymentTimeline.Fold inOrder = withAll(HISTORY).foldUpTo(NOW);
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            List<ScheduledChange> shuffled = new ArrayList<>(HISTORY);
            Collections.shuffle(shuffled, random);
            assertThat(withAll(shuffled).foldUpTo(NOW)).isEqualTo(inOrder);
        }
    }

    @Test
    void aChangeAfterTheEndOfTheEmploymentIsVoidAndTheStateIsTheFoldOfTheRest() {
        EmploymentTimeline.Fold fold = withAll(HISTORY).foldUpTo(NOW);

        assertThat(fold.steps()).extracting(step -> step.change().hrEventId().value()).containsExactly("start", "m1", "l1", "l2", "m2", "t");
        assertThat(fold.voided()).containsExactly(new EmploymentTimeline.Voided(change("m3", ASSIGNMENT_CHANGE, 250, "Legal"), ErrorCode.WORKER_TERMINATED));
        assertThat(fold.status()).isEqualTo(WorkerStatus.TERMINATED);
        assertThat(fold.assignment().department()).isEqualTo("Engineering");
        assertThat(fold.steps()).extracting(TimelineStep::status).containsExactly(WorkerStatus.ACTIVE, WorkerStatus.ACTIVE,
                WorkerStatus.ON_LEAVE, WorkerStatus.ACTIVE, WorkerStatus.ACTIVE, WorkerStatus.TERMINATED);
    }

    @Test
    void onlyTheChangesDueByTheInstantAreFolded() {
        EmploymentTimeline.Fold fold = withAll(HISTORY).foldUpTo(DAY_0.plusSeconds(86_400L * 70));

        assertThat(fold.status()).isEqualTo(WorkerStatus.ON_LEAVE);
        assertThat(fold.assignment().department()).isEqualTo("Finance");
        assertThat(withAll(HISTORY).pendingAfter(DAY_0.plusSeconds(86_400L * 70))).extracting(ScheduledChange::hrEventId)
                .extracting(HrEventId::value).containsExactly("l2", "m2", "t", "m3");
    }

    @Test
    void aCorrectedChangeReplacesTheOneOfTheSameEventAndType() {
        EmploymentTimeline corrected = withAll(HISTORY).with(change("t", TERMINATION, 100, null));

        EmploymentTimeline.Fold fold = corrected.foldUpTo(NOW);

        assertThat(corrected.changesOf(HrEventId.of("t"))).hasSize(1);
        assertThat(fold.assignment().department()).isEqualTo("Finance");
        assertThat(fold.voided()).extracting(voided -> voided.change().hrEventId().value()).containsExactly("m2", "m3");
    }

    @Test
    void atOneInstantTheEndComesBeforeAnyOtherChange() {
        EmploymentTimeline timeline = withAll(List.of(change("start", START, 0, null), change("m", ASSIGNMENT_CHANGE, 10, "Finance"),
                change("t", TERMINATION, 10, null)));

        assertThat(timeline.foldUpTo(NOW).voided()).extracting(voided -> voided.change().hrEventId().value()).containsExactly("m");
    }

    @Test
    void withoutAChangeTheFoldLetsTheChangesItBlockedTakeEffect() {
        EmploymentTimeline.Fold fold = withAll(HISTORY).without(HrEventId.of("t"), TERMINATION).foldUpTo(NOW);

        assertThat(fold.voided()).isEmpty();
        assertThat(fold.assignment().department()).isEqualTo("Legal");
        assertThat(fold.status()).isEqualTo(WorkerStatus.ACTIVE);
    }
}
