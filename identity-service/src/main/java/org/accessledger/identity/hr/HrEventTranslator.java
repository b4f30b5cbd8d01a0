package org.accessledger.identity.hr;

import org.accessledger.identity.worker.command.CancelHire;
import org.accessledger.identity.worker.command.CancelScheduledChange;
import org.accessledger.identity.worker.command.ChangeAssignment;
import org.accessledger.identity.worker.command.ChangeContractEnd;
import org.accessledger.identity.worker.command.CorrectHrEvent;
import org.accessledger.identity.worker.command.EffectiveTime;
import org.accessledger.identity.worker.command.EndLeave;
import org.accessledger.identity.worker.command.HireWorker;
import org.accessledger.identity.worker.command.RehireWorker;
import org.accessledger.identity.worker.command.RescindHrEvent;
import org.accessledger.identity.worker.command.StartLeave;
import org.accessledger.identity.worker.command.TerminateWorker;
import org.accessledger.identity.worker.command.WorkerCommand;
import org.accessledger.api.worker.*;
import org.accessledger.platform.web.FieldProblem;

import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

import static org.accessledger.identity.hr.HrEventType.*;

/**
 * Checks one HR event against the contract and turns it into the worker command it stands for. Only the shape is
 * checked here; the lifecycle rules belong to the {@code Worker} aggregate, whichever door a command comes through.
 */
final class HrEventTranslator {

    /** A command, or the faults that prevent one. */
    record Translation(HrEvent event, List<FieldProblem> problems) {
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final List<HrEventType> DATED = List.of(HIRE, REHIRE, ASSIGNMENT_CHANGE, LEAVE_START, LEAVE_END, TERMINATION);

    private HrEventTranslator() {
    }

    static Translation translate(HrEventRequest event, String prefix) {
        FieldChecks checks = new FieldChecks(prefix);
        checks.required("hrEventId", event.hrEventId());
        checks.format("hrEventId", event.hrEventId(), HrEventId::isValid, "format", HrEventId.RULE);
        checks.required("workerId", event.workerId());
        checks.format("workerId", event.workerId(), WorkerId::isValid, "format", WorkerId.RULE);
        if (!checks.required("type", event.type())) {
            return new Translation(null, checks.problems());
        }
        HrEventType type = event.type();
        checkApplicableFields(event, type, checks);
        if (DATED.contains(type) && (event.effectiveDate() == null) == (event.effectiveAt() == null)) {
            checks.fail("effectiveDate", "one-of", "exactly one of effectiveDate and effectiveAt is required");
        }
        if (type == CORRECTION && event.effectiveDate() != null && event.effectiveAt() != null) {
            checks.fail("effectiveDate", "one-of", "at most one of effectiveDate and effectiveAt may be given");
        }
        switch (type) {
            case HIRE, REHIRE -> {
                checkWorker(event.worker(), checks);
                checkFullAssignment(event.assignment(), checks);
            }
            case ASSIGNMENT_CHANGE -> checkAssignmentChange(event.assignment(), checks);
            case CONTRACT_EXTENSION -> checks.required("newEndDate", event.newEndDate());
            case TERMINATION -> checks.text("reason", event.reason());
            case CHANGE_CANCELLATION -> checkReference("cancelsHrEventId", event.cancelsHrEventId(), checks);
            case CORRECTION -> checkCorrection(event, checks);
            case RESCIND -> checkReference("rescindsHrEventId", event.rescindsHrEventId(), checks);
            case LEAVE_START, LEAVE_END, HIRE_CANCELLATION -> {
            }
        }
        return checks.problems().isEmpty()
                ? new Translation(new HrEvent(type, toCommand(event)), List.of())
                : new Translation(null, checks.problems());
    }

    private static void checkApplicableFields(HrEventRequest event, HrEventType type, FieldChecks checks) {
        if (!DATED.contains(type) && type != CORRECTION) {
            checks.absent("effectiveDate", event.effectiveDate(), type);
            checks.absent("effectiveAt", event.effectiveAt(), type);
        }
        if (type != HIRE && type != REHIRE) {
            checks.absent("worker", event.worker(), type);
        }
        if (type != HIRE && type != REHIRE && type != ASSIGNMENT_CHANGE && type != CORRECTION) {
            checks.absent("assignment", event.assignment(), type);
        }
        if (type != CONTRACT_EXTENSION) {
            checks.absent("newEndDate", event.newEndDate(), type);
        }
        if (type != TERMINATION && type != CORRECTION) {
            checks.absent("reason", event.reason(), type);
        }
        if (type != CHANGE_CANCELLATION) {
            checks.absent("cancelsHrEventId", event.cancelsHrEventId(), type);
        }
        if (type != CORRECTION) {
            checks.absent("correctsHrEventId", event.correctsHrEventId(), type);
        }
        if (type != RESCIND) {
            checks.absent("rescindsHrEventId", event.rescindsHrEventId(), type);
        }
    }

    private static void checkReference(String field, String hrEventId, FieldChecks checks) {
        checks.required(field, hrEventId);
        checks.format(field, hrEventId, HrEventId::isValid, "format", HrEventId.RULE);
    }

    /** A correction names the event it corrects and gives the content that changes: its effective time, assignment fields or reason. */
    private static void checkCorrection(HrEventRequest event, FieldChecks checks) {
        checkReference("correctsHrEventId", event.correctsHrEventId(), checks);
        if (event.effectiveDate() == null && event.effectiveAt() == null && event.assignment() == null && event.reason() == null) {
            checks.fail("effectiveDate", "not-empty", "a correction gives the corrected effectiveDate or effectiveAt, assignment fields or reason");
        }
        if (event.assignment() != null) {
            checkAssignmentChange(event.assignment(), checks);
        }
        if (event.reason() != null) {
            checks.text("reason", event.reason());
        }
    }

    private static void checkWorker(HrEventRequest.WorkerFields worker, FieldChecks checks) {
        if (!checks.required("worker", worker)) {
            return;
        }
        checks.text("worker.givenName", worker.givenName());
        checks.text("worker.familyName", worker.familyName());
        checks.text("worker.email", worker.email());
        checks.format("worker.email", worker.email(), email -> EMAIL.matcher(email).matches(), "email", "an e-mail address");
        checks.required("worker.workerType", worker.workerType());
        if (checks.required("worker.timeZone", worker.timeZone())) {
            checks.format("worker.timeZone", worker.timeZone(), HrEventTranslator::isZone, "time-zone", "an IANA time zone such as Europe/London");
        }
    }

    private static void checkFullAssignment(HrEventRequest.AssignmentFields assignment, FieldChecks checks) {
        if (!checks.required("assignment", assignment)) {
            return;
        }
        checks.text("assignment.department", assignment.department());
        checks.text("assignment.jobCode", assignment.jobCode());
        checks.text("assignment.location", assignment.location());
        checks.text("assignment.costCenter", assignment.costCenter());
        checks.format("assignment.managerId", assignment.managerId(), WorkerId::isValid, "format", WorkerId.RULE);
    }

    private static void checkAssignmentChange(HrEventRequest.AssignmentFields assignment, FieldChecks checks) {
        if (!checks.required("assignment", assignment)) {
            return;
        }
        checks.optionalText("assignment.department", assignment.department());
        checks.optionalText("assignment.jobCode", assignment.jobCode());
        checks.optionalText("assignment.location", assignment.location());
        checks.optionalText("assignment.costCenter", assignment.costCenter());
        checks.format("assignment.managerId", assignment.managerId(), WorkerId::isValid, "format", WorkerId.RULE);
        if (toChange(assignment).changesNothing()) {
            checks.fail("assignment", "not-empty", "must name at least one field that changes");
        }
    }

    /** A zone of the IANA database by its name; offsets such as {@code +05:30} name no place and follow no rules. */
    private static boolean isZone(String zone) {
        return ZoneId.getAvailableZoneIds().contains(zone);
    }

    private static WorkerCommand toCommand(HrEventRequest event) {
        WorkerId workerId = WorkerId.of(event.workerId());
        HrEventId hrEventId = HrEventId.of(event.hrEventId());
        EffectiveTime effective = event.effectiveDate() != null ? EffectiveTime.onDate(event.effectiveDate())
                : event.effectiveAt() != null ? EffectiveTime.at(event.effectiveAt().toInstant()) : null;
        return switch (event.type()) {
            case HIRE -> new HireWorker(workerId, hrEventId, effective, toPerson(event.worker()), toAssignment(event.assignment()));
            case REHIRE -> new RehireWorker(workerId, hrEventId, effective, toPerson(event.worker()), toAssignment(event.assignment()));
            case ASSIGNMENT_CHANGE -> new ChangeAssignment(workerId, hrEventId, effective, toChange(event.assignment()));
            case LEAVE_START -> new StartLeave(workerId, hrEventId, effective);
            case LEAVE_END -> new EndLeave(workerId, hrEventId, effective);
            case CONTRACT_EXTENSION -> new ChangeContractEnd(workerId, hrEventId, event.newEndDate());
            case TERMINATION -> new TerminateWorker(workerId, hrEventId, effective, event.reason());
            case HIRE_CANCELLATION -> new CancelHire(workerId, hrEventId);
            case CHANGE_CANCELLATION -> new CancelScheduledChange(workerId, hrEventId, HrEventId.of(event.cancelsHrEventId()));
            case CORRECTION -> new CorrectHrEvent(workerId, hrEventId, HrEventId.of(event.correctsHrEventId()), effective,
                    event.assignment() == null ? null : toChange(event.assignment()), event.reason());
            case RESCIND -> new RescindHrEvent(workerId, hrEventId, HrEventId.of(event.rescindsHrEventId()));
        };
    }

    private static PersonDetails toPerson(HrEventRequest.WorkerFields worker) {
        return new PersonDetails(worker.givenName(), worker.familyName(), worker.email().trim(), worker.workerType(),
                ZoneId.of(worker.timeZone()), worker.endDate());
    }

    private static Assignment toAssignment(HrEventRequest.AssignmentFields assignment) {
        return new Assignment(assignment.department(), assignment.jobCode(), assignment.location(), assignment.costCenter(),
                assignment.managerId() == null ? null : WorkerId.of(assignment.managerId()));
    }

    private static AssignmentChange toChange(HrEventRequest.AssignmentFields assignment) {
        return new AssignmentChange(assignment.department(), assignment.jobCode(), assignment.location(), assignment.costCenter(),
                assignment.managerId() == null || !WorkerId.isValid(assignment.managerId()) ? null : WorkerId.of(assignment.managerId()));
    }
}
