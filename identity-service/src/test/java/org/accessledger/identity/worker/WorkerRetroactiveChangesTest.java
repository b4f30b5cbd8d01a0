package org.accessledger.identity.worker;

import org.accessledger.identity.worker.command.ChangeAssignment;
import org.accessledger.identity.worker.command.CorrectHrEvent;
import org.accessledger.identity.worker.command.EffectiveTime;
import org.accessledger.identity.worker.command.EndLeave;
import org.accessledger.identity.worker.command.RehireWorker;
import org.accessledger.identity.worker.command.RescindHrEvent;
import org.accessledger.identity.worker.command.TerminateWorker;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.worker.*;
import org.accessledger.platform.time.MutableClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;

import static org.accessledger.api.worker.ChangeType.*;
import static org.accessledger.identity.worker.WorkerTest.*;
import static org.accessledger.platform.testing.Refusals.refusedWith;

/** Changes that arrive after later ones took effect, corrections and rescinds: the worker's timeline is re-folded. */
class WorkerRetroactiveChangesTest {

    static final HrEventId H4 = HrEventId.of("h4");
    static final LocalDate NOV_10 = LocalDate.of(2026, 11, 10);
    static final LocalDate NOV_15 = LocalDate.of(2026, 11, 15);
    static final AssignmentChange TO_SALES = new AssignmentChange("Sales", null, null, null, null);
    static final AssignmentChange TO_BERLIN = new AssignmentChange(null, null, "Berlin", null, null);

    final MutableClock clock = new MutableClock(NOW);
    AggregateTestFixture<Worker> fixture;

    @BeforeEach
    void setUp() {
        fixture = WorkerFixtures.fixture(clock, new HashMap<>(), new HashMap<>());
    }

    /** Active from {@link WorkerTest#PAST_START} (H1), moved to Sales on 15 November (H2). */
    static Object[] movedToSales() {
        return new Object[]{hired(H1, PAST_START, employee()), started(H1, PAST_START),
                new AssignmentChanged(ADA, H2, midnight(NOV_15), FINANCE, FINANCE.with(TO_SALES), TO_SALES)};
    }

    static TimelineStep step(HrEventId id, ChangeType type, LocalDate date, WorkerStatus status, Assignment assignment, AssignmentChange change, String reason) {
        return new TimelineStep(new TimelineChange(id, type, midnight(date), change, reason), status, assignment);
    }

    @Test
    void aMoveArrivingAfterALaterOneReFoldsTheTimelineFromItsDate() {
        TimelineChange late = new TimelineChange(H3, ASSIGNMENT_CHANGE, midnight(NOV_10), TO_BERLIN, null);
        Assignment inBerlin = FINANCE.with(TO_BERLIN);
        fixture.given(movedToSales())
                .when(new ChangeAssignment(ADA, H3, EffectiveTime.onDate(NOV_10), TO_BERLIN))
                .expectEvents(new WorkerTimelineCorrected(ADA, H3, midnight(NOV_10), NOW, new TimelineEdit(TimelineEdit.Kind.LATE_CHANGE, null, late),
                        PAST_START, FINANCE, List.of(
                        step(H3, ASSIGNMENT_CHANGE, NOV_10, WorkerStatus.ACTIVE, inBerlin, TO_BERLIN, null),
                        step(H2, ASSIGNMENT_CHANGE, NOV_15, WorkerStatus.ACTIVE, inBerlin.with(TO_SALES), TO_SALES, null)),
                        List.of(), WorkerStatus.ACTIVE, inBerlin.with(TO_SALES)));
    }

    @Test
    void aTerminationBackDatedBeforeAMoveVoidsTheMoveAndARescindOfItBringsTheMoveBack() {
        TimelineChange termination = new TimelineChange(H3, TERMINATION, midnight(NOV_10), null, "resigned");
        TimelineChange move = new TimelineChange(H2, ASSIGNMENT_CHANGE, midnight(NOV_15), TO_SALES, null);
        WorkerTimelineCorrected terminated = new WorkerTimelineCorrected(ADA, H3, midnight(NOV_10), NOW,
                new TimelineEdit(TimelineEdit.Kind.LATE_CHANGE, null, termination), PAST_START, FINANCE,
                List.of(new TimelineStep(termination, WorkerStatus.TERMINATED, FINANCE)), List.of(move), WorkerStatus.TERMINATED, FINANCE);
        fixture.given(movedToSales())
                .when(new TerminateWorker(ADA, H3, EffectiveTime.onDate(NOV_10.minusDays(1)), "resigned"))
                .expectEvents(terminated);

        fixture.given(movedToSales()).andGiven(terminated)
                .when(new RescindHrEvent(ADA, H4, H3))
                .expectEvents(new WorkerTimelineCorrected(ADA, H4, midnight(NOV_10), NOW, new TimelineEdit(TimelineEdit.Kind.RESCIND, termination, null),
                        PAST_START, FINANCE, List.of(new TimelineStep(move, WorkerStatus.ACTIVE, FINANCE.with(TO_SALES))), List.of(),
                        WorkerStatus.ACTIVE, FINANCE.with(TO_SALES)));
    }

    @Test
    void aCorrectionMovesAMoveAlreadyInEffectToAnEarlierDate() {
        TimelineChange before = new TimelineChange(H2, ASSIGNMENT_CHANGE, midnight(NOV_15), TO_SALES, null);
        TimelineChange after = new TimelineChange(H2, ASSIGNMENT_CHANGE, midnight(NOV_10), TO_SALES, null);
        fixture.given(movedToSales())
                .when(new CorrectHrEvent(ADA, H3, H2, EffectiveTime.onDate(NOV_10), null, null))
                .expectEvents(new WorkerTimelineCorrected(ADA, H3, midnight(NOV_10), NOW, new TimelineEdit(TimelineEdit.Kind.CORRECTION, before, after),
                        PAST_START, FINANCE, List.of(new TimelineStep(after, WorkerStatus.ACTIVE, FINANCE.with(TO_SALES))), List.of(),
                        WorkerStatus.ACTIVE, FINANCE.with(TO_SALES)));
    }

    @Test
    void aCorrectionOfAPendingChangeCancelsAndSchedulesItAgain() {
        Instant end = midnight(LocalDate.of(2027, 1, 1));
        Instant corrected = midnight(LocalDate.of(2027, 2, 1));
        fixture.given(activeEmployee()).andGiven(new ChangeScheduled(ADA, H2, end, TERMINATION, null, "resigned"))
                .when(new CorrectHrEvent(ADA, H3, H2, EffectiveTime.onDate(LocalDate.of(2027, 1, 31)), null, null))
                .expectEvents(new ScheduledChangeCancelled(ADA, H3, NOW, H2, TERMINATION, "corrected by HR event h3"),
                        new ChangeScheduled(ADA, H2, corrected, TERMINATION, null, "resigned"));
    }

    @Test
    void aHireCorrectionMovesTheStartAndTheAccessWithIt() {
        LocalDate earlier = PAST_START.minusDays(10);
        TimelineChange before = new TimelineChange(H1, START, midnight(PAST_START), null, null);
        TimelineChange after = new TimelineChange(H1, START, midnight(earlier), null, null);
        fixture.given(activeEmployee())
                .when(new CorrectHrEvent(ADA, H2, H1, EffectiveTime.onDate(earlier), null, null))
                .expectEvents(new WorkerTimelineCorrected(ADA, H2, midnight(earlier), NOW, new TimelineEdit(TimelineEdit.Kind.CORRECTION, before, after),
                        earlier, FINANCE, List.of(new TimelineStep(after, WorkerStatus.ACTIVE, FINANCE)), List.of(), WorkerStatus.ACTIVE, FINANCE));
    }

    @Test
    void aRescindOfAHireNotYetStartedCancelsTheHire() {
        fixture.given(hired(H1, FUTURE_START, employee()), new ChangeScheduled(ADA, H1, midnight(FUTURE_START), START, null, null))
                .when(new RescindHrEvent(ADA, H2, H1))
                .expectEvents(new ScheduledChangeCancelled(ADA, H2, NOW, H1, START, "hire cancelled"), new HireCancelled(ADA, H2, NOW));
    }

    @Test
    void aRescindOfAStartedHireIsRefused() {
        fixture.given(activeEmployee()).when(new RescindHrEvent(ADA, H2, H1)).expectException(refusedWith(ErrorCode.NOT_CORRECTABLE));
    }

    @Test
    void aCorrectionOrRescindNamingNoChangeOfTheEmploymentIsRefused() {
        fixture.given(activeEmployee()).when(new RescindHrEvent(ADA, H2, H4)).expectException(refusedWith(ErrorCode.NO_SUCH_HR_EVENT));
        fixture.given(activeEmployee()).when(new CorrectHrEvent(ADA, H2, H4, EffectiveTime.onDate(NOV_10), null, null))
                .expectException(refusedWith(ErrorCode.NO_SUCH_HR_EVENT));
    }

    @Test
    void aLeaveCorrectedWithAnAssignmentIsRefused() {
        fixture.given(activeEmployee()).andGiven(new LeaveStarted(ADA, H2, midnight(NOV_10)))
                .when(new CorrectHrEvent(ADA, H3, H2, null, TO_SALES, null))
                .expectException(refusedWith(ErrorCode.NOT_CORRECTABLE));
    }

    @Test
    void aRehireBeforeTheTerminationItFollowsIsRefused() {
        fixture.given(activeEmployee()).andGiven(new WorkerTerminated(ADA, H2, NOW, "resigned"))
                .when(new RehireWorker(ADA, H3, EffectiveTime.onDate(NOV_10), employee(), FINANCE))
                .expectException(refusedWith(ErrorCode.REHIRE_BEFORE_TERMINATION));
    }

    @Test
    void aChangeBeforeTheStartOfAStartedEmploymentIsRefused() {
        fixture.given(activeEmployee())
                .when(new ChangeAssignment(ADA, H2, EffectiveTime.onDate(PAST_START.minusDays(3)), TO_SALES))
                .expectException(refusedWith(ErrorCode.EFFECTIVE_BEFORE_HIRE));
    }

    @Test
    void aChangeDatedFurtherBackThanTheLimitIsRefused() {
        LocalDate longAgo = LocalDate.of(2025, 1, 6);
        fixture.given(hired(H1, longAgo, employee()), started(H1, longAgo))
                .when(new ChangeAssignment(ADA, H2, EffectiveTime.onDate(LocalDate.of(2026, 8, 1)), TO_SALES))
                .expectException(refusedWith(ErrorCode.BACKDATED_TOO_FAR));
    }

    @Test
    void aLeaveThatDoesNotFitWhereItFallsIsRefused() {
        fixture.given(movedToSales()).andGiven(new LeaveStarted(ADA, H3, midnight(NOV_15).plusSeconds(60)))
                .when(new EndLeave(ADA, H4, EffectiveTime.onDate(NOV_10)))
                .expectException(refusedWith(ErrorCode.WORKER_NOT_ON_LEAVE));
    }
}
