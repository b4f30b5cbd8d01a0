package org.accessledger.identity.worker;

import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.worker.ChangeType;
import org.accessledger.api.worker.WorkerStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every status against every change type: which change may take effect, why not, and where it leaves the worker. */
class LifecycleTest {

    @ParameterizedTest(name = "{1} for a worker {0}: {2}")
    @CsvSource({
            "PRE_HIRE,       START,             ALLOWED",
            "PRE_HIRE,       ASSIGNMENT_CHANGE, ALLOWED",
            "PRE_HIRE,       CONTRACT_END,      ALLOWED",
            "PRE_HIRE,       LEAVE_START,       WORKER_NOT_STARTED",
            "PRE_HIRE,       LEAVE_END,         WORKER_NOT_STARTED",
            "PRE_HIRE,       TERMINATION,       WORKER_NOT_STARTED",
            "ACTIVE,         START,             WORKER_ALREADY_HIRED",
            "ACTIVE,         ASSIGNMENT_CHANGE, ALLOWED",
            "ACTIVE,         LEAVE_START,       ALLOWED",
            "ACTIVE,         LEAVE_END,         WORKER_NOT_ON_LEAVE",
            "ACTIVE,         TERMINATION,       ALLOWED",
            "ACTIVE,         CONTRACT_END,      ALLOWED",
            "ON_LEAVE,       START,             WORKER_ALREADY_HIRED",
            "ON_LEAVE,       ASSIGNMENT_CHANGE, ALLOWED",
            "ON_LEAVE,       LEAVE_START,       WORKER_ALREADY_ON_LEAVE",
            "ON_LEAVE,       LEAVE_END,         ALLOWED",
            "ON_LEAVE,       TERMINATION,       ALLOWED",
            "ON_LEAVE,       CONTRACT_END,      ALLOWED",
            "TERMINATED,     START,             WORKER_TERMINATED",
            "TERMINATED,     ASSIGNMENT_CHANGE, WORKER_TERMINATED",
            "TERMINATED,     LEAVE_START,       WORKER_TERMINATED",
            "TERMINATED,     LEAVE_END,         WORKER_TERMINATED",
            "TERMINATED,     TERMINATION,       WORKER_TERMINATED",
            "TERMINATED,     CONTRACT_END,      WORKER_TERMINATED",
            "HIRE_CANCELLED, START,             HIRE_CANCELLED",
            "HIRE_CANCELLED, ASSIGNMENT_CHANGE, HIRE_CANCELLED",
            "HIRE_CANCELLED, LEAVE_START,       HIRE_CANCELLED",
            "HIRE_CANCELLED, LEAVE_END,         HIRE_CANCELLED",
            "HIRE_CANCELLED, TERMINATION,       HIRE_CANCELLED",
            "HIRE_CANCELLED, CONTRACT_END,      HIRE_CANCELLED"})
    void aChangeTakesEffectOnlyWhereTheLifecycleAllowsIt(WorkerStatus status, ChangeType type, String expected) {
        assertThat(Lifecycle.refusal(type, status).map(ErrorCode::name).orElse("ALLOWED")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} leaves a worker {0} {2}")
    @CsvSource({
            "PRE_HIRE, START,             ACTIVE",
            "PRE_HIRE, ASSIGNMENT_CHANGE, PRE_HIRE",
            "ACTIVE,   ASSIGNMENT_CHANGE, ACTIVE",
            "ACTIVE,   LEAVE_START,       ON_LEAVE",
            "ON_LEAVE, ASSIGNMENT_CHANGE, ON_LEAVE",
            "ON_LEAVE, LEAVE_END,         ACTIVE",
            "ACTIVE,   TERMINATION,       TERMINATED",
            "ON_LEAVE, TERMINATION,       TERMINATED",
            "PRE_HIRE, CONTRACT_END,      TERMINATED",
            "ON_LEAVE, CONTRACT_END,      TERMINATED"})
    void anAllowedChangeMovesTheWorkerOn(WorkerStatus status, ChangeType type, WorkerStatus after) {
        assertThat(Lifecycle.statusAfter(type, status)).isEqualTo(after);
    }

    @ParameterizedTest
    @EnumSource(WorkerStatus.class)
    void onlyAnEmploymentNotEndedTakesNewChangesForLater(WorkerStatus status) {
        assertThat(Lifecycle.refusalToSchedule(status).isEmpty()).isEqualTo(status.holdsIdentity());
    }
}
