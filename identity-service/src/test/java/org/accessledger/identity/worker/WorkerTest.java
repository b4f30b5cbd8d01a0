package org.accessledger.identity.worker;

import org.accessledger.identity.worker.command.ApplyDueChanges;
import org.accessledger.identity.worker.command.CancelHire;
import org.accessledger.identity.worker.command.CancelScheduledChange;
import org.accessledger.identity.worker.command.ChangeAssignment;
import org.accessledger.identity.worker.command.ChangeContractEnd;
import org.accessledger.identity.worker.command.EffectiveTime;
import org.accessledger.identity.worker.command.EndLeave;
import org.accessledger.identity.worker.command.HireWorker;
import org.accessledger.identity.worker.command.HrEventOutcome;
import org.accessledger.identity.worker.command.RehireWorker;
import org.accessledger.identity.worker.command.StartLeave;
import org.accessledger.identity.worker.command.TerminateWorker;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.worker.*;
import org.accessledger.platform.time.MutableClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.accessledger.api.worker.ChangeType.*;
import static org.accessledger.platform.testing.Refusals.refusedWith;

class WorkerTest {

    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final WorkerId ADA = WorkerId.of("E1001");
    static final WorkerId GRACE = WorkerId.of("E1002");
    static final WorkerId BOSS = WorkerId.of("E0001");
    static final HrEventId H1 = HrEventId.of("h1");
    static final HrEventId H2 = HrEventId.of("h2");
    static final HrEventId H3 = HrEventId.of("h3");
    static final LocalDate PAST_START = LocalDate.of(2026, 11, 1);
    static final LocalDate FUTURE_START = LocalDate.of(2026, 12, 1);
    static final Assignment FINANCE = new Assignment("Finance", "FIN-ANALYST", "London", "CC-100", BOSS);

    final MutableClock clock = new MutableClock(NOW);
    final Map<String, WorkerId> emails = new HashMap<>();
    final Map<String, WorkerId> foldedIds = new HashMap<>();
    AggregateTestFixture<Worker> fixture;

    @BeforeEach
    void setUp() {
        fixture = WorkerFixtures.fixture(clock, emails, foldedIds);
    }

    static PersonDetails person(WorkerType type, LocalDate endDate) {
        return new PersonDetails("Ada", "Lovelace", "ada@example.com", type, LONDON, endDate);
    }

    static PersonDetails employee() {
        return person(WorkerType.EMPLOYEE, null);
    }

    static Instant midnight(LocalDate date) {
        return date.atStartOfDay(LONDON).toInstant();
    }

    static HireWorker hire(HrEventId id, LocalDate start, PersonDetails person) {
        return new HireWorker(ADA, id, EffectiveTime.onDate(start), person, FINANCE);
    }

    static WorkerHired hired(HrEventId id, LocalDate start, PersonDetails person) {
        return new WorkerHired(ADA, id, midnight(start), 1, start, person, FINANCE);
    }

    static WorkerStarted started(HrEventId id, LocalDate start) {
        return new WorkerStarted(ADA, id, midnight(start));
    }

    /** Given an active employee hired with H1 on {@link #PAST_START}. */
    static Object[] activeEmployee() {
        return new Object[]{hired(H1, PAST_START, employee()), started(H1, PAST_START)};
    }


    @Nested
    class Hiring {

        @Test
        void hireWithPastStartMakesAnActiveWorkerAtOnce() {
            fixture.givenNoPriorActivity()
                    .when(hire(H1, PAST_START, employee()))
                    .expectResultMessagePayload(HrEventOutcome.ACCEPTED)
                    .expectEvents(hired(H1, PAST_START, employee()), started(H1, PAST_START));
        }

        @Test
        void hireWithFutureStartMakesAPreHireWhoseStartIsScheduled() {
            fixture.givenNoPriorActivity()
                    .when(hire(H1, FUTURE_START, employee()))
                    .expectEvents(hired(H1, FUTURE_START, employee()),
                            new ChangeScheduled(ADA, H1, midnight(FUTURE_START), START, null, null));
        }

        @Test
        void scheduledStartTakesEffectOnTheStartDate() {
            fixture.given(hired(H1, FUTURE_START, employee()), new ChangeScheduled(ADA, H1, midnight(FUTURE_START), START, null, null))
                    .when(new ApplyDueChanges(ADA))
                    .expectNoEvents();
            clock.set(midnight(FUTURE_START).plusSeconds(1));
            fixture.given(hired(H1, FUTURE_START, employee()), new ChangeScheduled(ADA, H1, midnight(FUTURE_START), START, null, null))
                    .when(new ApplyDueChanges(ADA))
                    .expectEvents(started(H1, FUTURE_START));
        }

        @Test
        void contractorHireSchedulesTheContractEndAtMidnightAfterTheLastDay() {
            LocalDate lastDay = LocalDate.of(2027, 6, 30);
            PersonDetails contractor = person(WorkerType.CONTRACTOR, lastDay);
            fixture.givenNoPriorActivity()
                    .when(hire(H1, PAST_START, contractor))
                    .expectEvents(hired(H1, PAST_START, contractor), started(H1, PAST_START),
                            new ChangeScheduled(ADA, H1, Instant.parse("2027-06-30T23:00:00Z"), CONTRACT_END, null, null));
        }

        @Test
        void contractorWithoutEndDateIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(hire(H1, PAST_START, person(WorkerType.CONTRACTOR, null)))
                    .expectException(refusedWith(ErrorCode.CONTRACTOR_END_DATE_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void endDateBeforeStartDateIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(hire(H1, FUTURE_START, person(WorkerType.INTERN, FUTURE_START.minusDays(1))))
                    .expectException(refusedWith(ErrorCode.END_DATE_BEFORE_START));
        }

        @Test
        void contractAlreadyOverAtHireIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(hire(H1, LocalDate.of(2026, 1, 5), person(WorkerType.CONTRACTOR, LocalDate.of(2026, 3, 31))))
                    .expectException(refusedWith(ErrorCode.CONTRACT_END_IN_PAST));
        }

        @Test
        void workerCannotBeTheirOwnManager() {
            Assignment selfManaged = new Assignment("Finance", "FIN-ANALYST", "London", "CC-100", ADA);
            fixture.givenNoPriorActivity()
                    .when(new HireWorker(ADA, H1, EffectiveTime.onDate(PAST_START), employee(), selfManaged))
                    .expectException(refusedWith(ErrorCode.MANAGER_IS_SELF));
        }

        @Test
        void emailHeldByAnotherWorkerIsRefusedAsDuplicateIdentity() {
            emails.put("ada@example.com", GRACE);
            fixture.givenNoPriorActivity()
                    .when(hire(H1, PAST_START, employee()))
                    .expectException(refusedWith(ErrorCode.DUPLICATE_IDENTITY))
                    .expectNoEvents();
        }

        @Test
        void workerIdDifferingOnlyInCaseFromAnotherIsRefused() {
            foldedIds.put(IdentityRegistry.folded(ADA), WorkerId.of(ADA.value().toLowerCase(java.util.Locale.ROOT)));
            fixture.givenNoPriorActivity()
                    .when(hire(H1, PAST_START, employee()))
                    .expectException(refusedWith(ErrorCode.WORKER_ID_CASE_COLLISION))
                    .expectNoEvents();
        }

        @Test
        void repeatedHrEventIdChangesNothingAndAnswersDuplicate() {
            fixture.given(activeEmployee())
                    .when(hire(H1, PAST_START, employee()))
                    .expectResultMessagePayload(HrEventOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void hireOfAnAlreadyHiredWorkerIsRefused() {
            fixture.given(activeEmployee())
                    .when(hire(H2, PAST_START, employee()))
                    .expectException(refusedWith(ErrorCode.WORKER_ALREADY_HIRED));
        }
    }

    @Nested
    class Moving {

        @Test
        void assignmentChangeEffectiveTodayChangesTheAssignmentAtOnce() {
            AssignmentChange toSales = new AssignmentChange("Sales", "SALES-REP", null, null, null);
            fixture.given(activeEmployee())
                    .when(new ChangeAssignment(ADA, H2, EffectiveTime.onDate(LocalDate.of(2026, 11, 21)), toSales))
                    .expectEvents(new AssignmentChanged(ADA, H2, midnight(LocalDate.of(2026, 11, 21)), FINANCE, FINANCE.with(toSales), toSales));
        }

        @Test
        void futureAssignmentChangeIsScheduledAndTakesEffectWhenDue() {
            AssignmentChange toBerlin = new AssignmentChange(null, null, "Berlin", null, null);
            Instant due = midnight(LocalDate.of(2027, 1, 1));
            fixture.given(activeEmployee())
                    .when(new ChangeAssignment(ADA, H2, EffectiveTime.onDate(LocalDate.of(2027, 1, 1)), toBerlin))
                    .expectEvents(new ChangeScheduled(ADA, H2, due, ASSIGNMENT_CHANGE, toBerlin, null));
            clock.set(due);
            fixture.given(activeEmployee()).andGiven(new ChangeScheduled(ADA, H2, due, ASSIGNMENT_CHANGE, toBerlin, null))
                    .when(new ApplyDueChanges(ADA))
                    .expectEvents(new AssignmentChanged(ADA, H2, due, FINANCE, FINANCE.with(toBerlin), toBerlin));
        }

        @Test
        void assignmentChangeThatChangesNothingIsRefused() {
            fixture.given(activeEmployee())
                    .when(new ChangeAssignment(ADA, H2, EffectiveTime.at(NOW), new AssignmentChange(null, null, null, null, null)))
                    .expectException(refusedWith(ErrorCode.EMPTY_ASSIGNMENT_CHANGE));
        }

        @Test
        void assignmentChangeForANeverHiredWorkerIsRefusedAsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(new ChangeAssignment(ADA, H2, EffectiveTime.at(NOW), new AssignmentChange("Sales", null, null, null, null)))
                    .expectException(refusedWith(ErrorCode.WORKER_NOT_FOUND));
        }
    }

    @Nested
    class Leave {

        @Test
        void leaveStartsAndEnds() {
            fixture.given(activeEmployee())
                    .when(new StartLeave(ADA, H2, EffectiveTime.at(NOW)))
                    .expectEvents(new LeaveStarted(ADA, H2, NOW));
            fixture.given(activeEmployee()).andGiven(new LeaveStarted(ADA, H2, NOW))
                    .when(new EndLeave(ADA, H3, EffectiveTime.at(NOW)))
                    .expectEvents(new LeaveEnded(ADA, H3, NOW));
        }

        @Test
        void preHireCannotStartLeave() {
            fixture.given(hired(H1, FUTURE_START, employee()), new ChangeScheduled(ADA, H1, midnight(FUTURE_START), START, null, null))
                    .when(new StartLeave(ADA, H2, EffectiveTime.at(NOW)))
                    .expectException(refusedWith(ErrorCode.WORKER_NOT_STARTED));
        }

        @Test
        void workerAlreadyOnLeaveCannotStartLeaveAgain() {
            fixture.given(activeEmployee()).andGiven(new LeaveStarted(ADA, H2, NOW))
                    .when(new StartLeave(ADA, H3, EffectiveTime.at(NOW)))
                    .expectException(refusedWith(ErrorCode.WORKER_ALREADY_ON_LEAVE));
        }

        @Test
        void activeWorkerCannotEndALeave() {
            fixture.given(activeEmployee())
                    .when(new EndLeave(ADA, H2, EffectiveTime.at(NOW)))
                    .expectException(refusedWith(ErrorCode.WORKER_NOT_ON_LEAVE));
        }

        @Test
        void terminatedWorkerCannotStartLeave() {
            fixture.given(activeEmployee()).andGiven(new WorkerTerminated(ADA, H2, NOW, "resigned"))
                    .when(new StartLeave(ADA, H3, EffectiveTime.at(NOW)))
                    .expectException(refusedWith(ErrorCode.WORKER_TERMINATED));
        }

        @Test
        void scheduledLeaveEndThatNoLongerFitsIsCancelledWhenDue() {
            Instant due = NOW.plus(Duration.ofDays(3));
            fixture.given(activeEmployee()).andGiven(new ChangeScheduled(ADA, H2, due, LEAVE_END, null, null))
                    .andGivenCurrentTime(NOW)
                    .when(new ApplyDueChanges(ADA))
                    .expectNoEvents();
            clock.set(due);
            fixture.given(activeEmployee()).andGiven(new ChangeScheduled(ADA, H2, due, LEAVE_END, null, null))
                    .when(new ApplyDueChanges(ADA))
                    .expectEvents(new ScheduledChangeCancelled(ADA, H2, due, H2, LEAVE_END, "no longer applicable: WORKER_NOT_ON_LEAVE"));
        }
    }

    @Nested
    class Termination {

        static final LocalDate LAST_DAY = LocalDate.of(2026, 12, 31);
        static final Instant ACCESS_ENDS = midnight(LAST_DAY.plusDays(1));

        @Test
        void terminationWithAPastLastDayTakesEffectAtOnce() {
            fixture.given(activeEmployee())
                    .when(new TerminateWorker(ADA, H2, EffectiveTime.onDate(LocalDate.of(2026, 11, 20)), "resigned"))
                    .expectEvents(new WorkerTerminated(ADA, H2, midnight(LocalDate.of(2026, 11, 21)), "resigned"));
        }

        @Test
        void immediateDismissalAtAnExactInstant() {
            fixture.given(activeEmployee())
                    .when(new TerminateWorker(ADA, H2, EffectiveTime.at(NOW), "dismissed"))
                    .expectEvents(new WorkerTerminated(ADA, H2, NOW, "dismissed"));
        }

        @Test
        void futureTerminationIsScheduledForMidnightAfterTheLastDay() {
            fixture.given(activeEmployee())
                    .when(new TerminateWorker(ADA, H2, EffectiveTime.onDate(LAST_DAY), "resigned"))
                    .expectEvents(new ChangeScheduled(ADA, H2, ACCESS_ENDS, TERMINATION, null, "resigned"));
        }

        @Test
        void laterTerminationMovesTheScheduledOne() {
            Instant earlier = midnight(LocalDate.of(2026, 12, 16));
            fixture.given(activeEmployee()).andGiven(new ChangeScheduled(ADA, H2, earlier, TERMINATION, null, "resigned"))
                    .when(new TerminateWorker(ADA, H3, EffectiveTime.onDate(LAST_DAY), "resigned"))
                    .expectEvents(new ScheduledChangeCancelled(ADA, H3, NOW, H2, TERMINATION, "superseded by HR event h3"),
                            new ChangeScheduled(ADA, H3, ACCESS_ENDS, TERMINATION, null, "resigned"));
        }

        @Test
        void scheduledTerminationCanBeCancelled() {
            fixture.given(activeEmployee()).andGiven(new ChangeScheduled(ADA, H2, ACCESS_ENDS, TERMINATION, null, "resigned"))
                    .when(new CancelScheduledChange(ADA, H3, H2))
                    .expectEvents(new ScheduledChangeCancelled(ADA, H3, NOW, H2, TERMINATION, "cancelled by HR"));
        }

        @Test
        void cancellingAChangeThatIsNotPendingIsRefused() {
            fixture.given(activeEmployee())
                    .when(new CancelScheduledChange(ADA, H3, H2))
                    .expectException(refusedWith(ErrorCode.NO_SUCH_SCHEDULED_CHANGE));
        }

        @Test
        void terminationTakingEffectCancelsTheChangesStillPending() {
            Instant move = midnight(LocalDate.of(2027, 2, 1));
            AssignmentChange toSales = new AssignmentChange("Sales", null, null, null, null);
            clock.set(ACCESS_ENDS);
            fixture.given(activeEmployee())
                    .andGiven(new ChangeScheduled(ADA, H2, ACCESS_ENDS, TERMINATION, null, "resigned"),
                            new ChangeScheduled(ADA, H3, move, ASSIGNMENT_CHANGE, toSales, null))
                    .when(new ApplyDueChanges(ADA))
                    .expectEvents(new ScheduledChangeCancelled(ADA, H2, ACCESS_ENDS, H3, ASSIGNMENT_CHANGE, "employment ended"),
                            new WorkerTerminated(ADA, H2, ACCESS_ENDS, "resigned"));
        }

        @Test
        void terminationOfANeverHiredWorkerIsRefusedAsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(new TerminateWorker(ADA, H2, EffectiveTime.at(NOW), "resigned"))
                    .expectException(refusedWith(ErrorCode.WORKER_NOT_FOUND));
        }

        @Test
        void terminationEndingBeforeTheStartIsRefused() {
            fixture.given(hired(H1, FUTURE_START, employee()), new ChangeScheduled(ADA, H1, midnight(FUTURE_START), START, null, null))
                    .when(new TerminateWorker(ADA, H2, EffectiveTime.onDate(FUTURE_START.minusDays(2)), "changed mind"))
                    .expectException(refusedWith(ErrorCode.END_DATE_BEFORE_START));
        }

        @Test
        void terminationOfATerminatedWorkerIsRefused() {
            fixture.given(activeEmployee()).andGiven(new WorkerTerminated(ADA, H2, NOW, "resigned"))
                    .when(new TerminateWorker(ADA, H3, EffectiveTime.at(NOW), "again"))
                    .expectException(refusedWith(ErrorCode.WORKER_TERMINATED));
        }
    }

    @Nested
    class Contracts {

        static final LocalDate END = LocalDate.of(2027, 3, 31);
        static final LocalDate NEW_END = LocalDate.of(2027, 9, 30);

        Object[] activeContractor() {
            PersonDetails contractor = person(WorkerType.CONTRACTOR, END);
            return new Object[]{hired(H1, PAST_START, contractor), started(H1, PAST_START),
                    new ChangeScheduled(ADA, H1, midnight(END.plusDays(1)), CONTRACT_END, null, null)};
        }

        @Test
        void extensionMovesTheContractEnd() {
            fixture.given(activeContractor())
                    .when(new ChangeContractEnd(ADA, H2, NEW_END))
                    .expectEvents(new ScheduledChangeCancelled(ADA, H2, NOW, H1, CONTRACT_END, "contract end moved to 2027-09-30"),
                            new ContractEndChanged(ADA, H2, NOW, END, NEW_END, midnight(NEW_END.plusDays(1))),
                            new ChangeScheduled(ADA, H2, midnight(NEW_END.plusDays(1)), CONTRACT_END, null, null));
        }

        @Test
        void contractEndInThePastIsRefused() {
            fixture.given(activeContractor())
                    .when(new ChangeContractEnd(ADA, H2, LocalDate.of(2026, 11, 10)))
                    .expectException(refusedWith(ErrorCode.CONTRACT_END_IN_PAST));
        }

        @Test
        void contractExpiresAtItsEnd() {
            clock.set(midnight(END.plusDays(1)));
            fixture.given(activeContractor())
                    .when(new ApplyDueChanges(ADA))
                    .expectEvents(new ContractExpired(ADA, H1, midnight(END.plusDays(1))));
        }

        @Test
        void terminatedWorkersContractCannotBeExtended() {
            fixture.given(activeContractor()).andGiven(new WorkerTerminated(ADA, H2, NOW, "resigned"))
                    .when(new ChangeContractEnd(ADA, H3, NEW_END))
                    .expectException(refusedWith(ErrorCode.WORKER_TERMINATED));
        }
    }

    @Nested
    class RehireAndNoShow {

        @Test
        void terminatedWorkerIsRehiredAsANewEmploymentPeriod() {
            LocalDate comeback = LocalDate.of(2027, 2, 1);
            fixture.given(activeEmployee()).andGiven(new WorkerTerminated(ADA, H2, NOW, "resigned"))
                    .when(new RehireWorker(ADA, H3, EffectiveTime.onDate(comeback), employee(), FINANCE))
                    .expectEvents(new WorkerRehired(ADA, H3, midnight(comeback), 2, comeback, employee(), FINANCE),
                            new ChangeScheduled(ADA, H3, midnight(comeback), START, null, null));
        }

        @Test
        void rehireOfTheSameWorkerIsNotADuplicateIdentity() {
            emails.put("ada@example.com", ADA);
            fixture.given(activeEmployee()).andGiven(new WorkerTerminated(ADA, H2, NOW, "resigned"))
                    .when(new RehireWorker(ADA, H3, EffectiveTime.onDate(PAST_START.plusDays(25)), employee(), FINANCE))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void activeWorkerCannotBeRehired() {
            fixture.given(activeEmployee())
                    .when(new RehireWorker(ADA, H2, EffectiveTime.onDate(FUTURE_START), employee(), FINANCE))
                    .expectException(refusedWith(ErrorCode.WORKER_NOT_TERMINATED));
        }

        @Test
        void noShowIsCancelledBeforeTheStart() {
            fixture.given(hired(H1, FUTURE_START, employee()), new ChangeScheduled(ADA, H1, midnight(FUTURE_START), START, null, null))
                    .when(new CancelHire(ADA, H2))
                    .expectEvents(new ScheduledChangeCancelled(ADA, H2, NOW, H1, START, "hire cancelled"),
                            new HireCancelled(ADA, H2, NOW));
        }

        @Test
        void hireCannotBeCancelledAfterTheStart() {
            fixture.given(activeEmployee())
                    .when(new CancelHire(ADA, H2))
                    .expectException(refusedWith(ErrorCode.HIRE_ALREADY_STARTED));
        }

        @Test
        void workerWhoseHireWasCancelledCanBeHiredAgain() {
            fixture.given(hired(H1, FUTURE_START, employee()), new HireCancelled(ADA, H2, NOW))
                    .when(hire(H3, PAST_START, employee()))
                    .expectEvents(new WorkerHired(ADA, H3, midnight(PAST_START), 2, PAST_START, employee(), FINANCE),
                            started(H3, PAST_START));
        }

        @Test
        void cancelledHireRefusesOtherChanges() {
            fixture.given(hired(H1, FUTURE_START, employee()), new HireCancelled(ADA, H2, NOW))
                    .when(new StartLeave(ADA, H3, EffectiveTime.at(NOW)))
                    .expectException(refusedWith(ErrorCode.HIRE_CANCELLED));
        }
    }
}
