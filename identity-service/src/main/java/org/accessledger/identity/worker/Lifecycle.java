package org.accessledger.identity.worker;

import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.worker.ChangeType;
import org.accessledger.api.worker.WorkerStatus;

import java.util.Optional;

import static org.accessledger.api.error.ErrorCode.HIRE_ALREADY_STARTED;
import static org.accessledger.api.error.ErrorCode.HIRE_CANCELLED;
import static org.accessledger.api.error.ErrorCode.WORKER_ALREADY_HIRED;
import static org.accessledger.api.error.ErrorCode.WORKER_ALREADY_ON_LEAVE;
import static org.accessledger.api.error.ErrorCode.WORKER_NOT_ON_LEAVE;
import static org.accessledger.api.error.ErrorCode.WORKER_NOT_STARTED;
import static org.accessledger.api.error.ErrorCode.WORKER_TERMINATED;

/** The worker state machine: which change may take effect in which state, and why not. */
final class Lifecycle {

    private Lifecycle() {
    }

    /** Why a change of {@code type} cannot take effect now for a worker in {@code status}; empty if it can. */
    static Optional<ErrorCode> refusal(ChangeType type, WorkerStatus status) {
        return Optional.ofNullable(switch (status) {
            case TERMINATED -> WORKER_TERMINATED;
            case HIRE_CANCELLED -> HIRE_CANCELLED;
            case PRE_HIRE -> switch (type) {
                case START, ASSIGNMENT_CHANGE, CONTRACT_END -> null;
                case LEAVE_START, LEAVE_END, TERMINATION -> WORKER_NOT_STARTED;
            };
            case ACTIVE -> switch (type) {
                case START -> WORKER_ALREADY_HIRED;
                case LEAVE_END -> WORKER_NOT_ON_LEAVE;
                case ASSIGNMENT_CHANGE, LEAVE_START, TERMINATION, CONTRACT_END -> null;
            };
            case ON_LEAVE -> switch (type) {
                case START -> WORKER_ALREADY_HIRED;
                case LEAVE_START -> WORKER_ALREADY_ON_LEAVE;
                case ASSIGNMENT_CHANGE, LEAVE_END, TERMINATION, CONTRACT_END -> null;
            };
        });
    }

    /** The status a change of {@code type} leaves a worker in, once {@link #refusal} allowed it. */
    static WorkerStatus statusAfter(ChangeType type, WorkerStatus status) {
        return switch (type) {
            case START, LEAVE_END -> WorkerStatus.ACTIVE;
            case LEAVE_START -> WorkerStatus.ON_LEAVE;
            case TERMINATION, CONTRACT_END -> WorkerStatus.TERMINATED;
            case ASSIGNMENT_CHANGE -> status;
        };
    }

    /**
     * Why a change cannot be scheduled for later; empty if it can. Only an ended employment refuses: whether the
     * change fits is checked again when it takes effect.
     */
    static Optional<ErrorCode> refusalToSchedule(WorkerStatus status) {
        return Optional.ofNullable(switch (status) {
            case TERMINATED -> WORKER_TERMINATED;
            case HIRE_CANCELLED -> HIRE_CANCELLED;
            case PRE_HIRE, ACTIVE, ON_LEAVE -> null;
        });
    }

    /** Only a cancelled hire refuses every change outright; the timeline decides for the rest, at each change's effective time. */
    static Optional<ErrorCode> refusalOfChange(WorkerStatus status) {
        return Optional.ofNullable(status == WorkerStatus.HIRE_CANCELLED ? HIRE_CANCELLED : null);
    }

    /** A no-show can only be recorded before the start. */
    static Optional<ErrorCode> refusalOfHireCancellation(WorkerStatus status) {
        return Optional.ofNullable(switch (status) {
            case PRE_HIRE -> null;
            case ACTIVE, ON_LEAVE -> HIRE_ALREADY_STARTED;
            case TERMINATED -> WORKER_TERMINATED;
            case HIRE_CANCELLED -> HIRE_CANCELLED;
        });
    }

    /** A contract end date can change while the employment has not ended. */
    static Optional<ErrorCode> refusalOfContractChange(WorkerStatus status) {
        return refusalToSchedule(status);
    }
}
