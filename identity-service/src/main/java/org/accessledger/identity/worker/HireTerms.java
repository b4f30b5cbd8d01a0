package org.accessledger.identity.worker;

import org.accessledger.api.error.RuleViolationException;
import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.PersonDetails;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.api.worker.WorkerType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.accessledger.api.error.ErrorCode.CONTRACTOR_END_DATE_REQUIRED;
import static org.accessledger.api.error.ErrorCode.CONTRACT_END_IN_PAST;
import static org.accessledger.api.error.ErrorCode.DUPLICATE_IDENTITY;
import static org.accessledger.api.error.ErrorCode.END_DATE_BEFORE_START;
import static org.accessledger.api.error.ErrorCode.MANAGER_IS_SELF;
import static org.accessledger.api.error.ErrorCode.REHIRE_BEFORE_TERMINATION;
import static org.accessledger.api.error.ErrorCode.WORKER_ID_CASE_COLLISION;

/** The rules an employment period's terms and identity must meet, at hire and rehire and when the end date changes. */
final class HireTerms {

    private HireTerms() {
    }

    static void check(WorkerId workerId, PersonDetails person, Assignment assignment, LocalDate startDate, Instant now) {
        if (person.workerType() == WorkerType.CONTRACTOR && person.endDate() == null) {
            throw new RuleViolationException(CONTRACTOR_END_DATE_REQUIRED, "worker.endDate",
                    "A contractor needs the last day of the contract");
        }
        if (person.endDate() != null) {
            checkEndDate(person.endDate(), startDate, person.timeZone(), now, "worker.endDate");
        }
        if (workerId.equals(assignment.managerId())) {
            throw new RuleViolationException(MANAGER_IS_SELF, "assignment.managerId", "A worker cannot be their own manager");
        }
    }

    /** Neither the id (but for case) nor the work e-mail may be another worker's: targets would give both one account. */
    static void checkIdentity(WorkerId workerId, PersonDetails person, IdentityRegistry identities) {
        identities.holderOfIdIgnoringCase(workerId).filter(holder -> !holder.equals(workerId)).ifPresent(holder -> {
            throw new RuleViolationException(WORKER_ID_CASE_COLLISION, "workerId", "Worker " + holder + " has this id but for case; targets would give both one account");
        });
        checkEmailFree(workerId, person, identities);
    }

    static void checkEmailFree(WorkerId workerId, PersonDetails person, IdentityRegistry identities) {
        identities.holderOf(IdentityRegistry.normalise(person.email())).filter(holder -> !holder.equals(workerId)).ifPresent(holder -> {
            throw new RuleViolationException(DUPLICATE_IDENTITY, "worker.email", "Worker " + holder + " (not terminated) already has this e-mail: a suspected duplicate identity");
        });
    }

    static void checkRehireStart(Instant start, Instant previousEnd) {
        if (start.isBefore(previousEnd)) {
            throw new RuleViolationException(REHIRE_BEFORE_TERMINATION, "effectiveDate", "The rehire starts before the employment it follows ended at "
                    + previousEnd + "; correct or rescind that termination instead");
        }
    }

    static void checkEndDate(LocalDate endDate, LocalDate startDate, ZoneId zone, Instant now, String field) {
        if (endDate.isBefore(startDate)) {
            throw new RuleViolationException(END_DATE_BEFORE_START, field,
                    "The end date " + endDate + " is before the start date " + startDate);
        }
        if (!contractEndsAt(endDate, zone).isAfter(now)) {
            throw new RuleViolationException(CONTRACT_END_IN_PAST, field,
                    "The contract ending " + endDate + " is already over; send a TERMINATION instead");
        }
    }

    /** Access ends at 00:00 after the last day, in the worker's time zone. */
    static Instant contractEndsAt(LocalDate endDate, ZoneId zone) {
        return endDate.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
