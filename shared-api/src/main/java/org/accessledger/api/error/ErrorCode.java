package org.accessledger.api.error;

/**
 * Why AccessLedger refused something. Codes are stable: HR adapters may branch on them.
 */
public enum ErrorCode {
    /** The request body is not valid JSON or cannot be read. */
    MALFORMED_REQUEST,
    /** The request body is larger than the configured limit; nothing of it was read. */
    REQUEST_TOO_LARGE,
    /** A field is missing, of the wrong shape, or breaks a rule of the HR event contract. */
    INVALID_FIELD,
    /** A batch holds more HR events than allowed. */
    BATCH_TOO_LARGE,
    /** No worker with this id was ever hired. */
    WORKER_NOT_FOUND,
    /** A hire for a worker who is already hired; use REHIRE after a termination. */
    WORKER_ALREADY_HIRED,
    /** A rehire for a worker who is not terminated. */
    WORKER_NOT_TERMINATED,
    /** The worker is terminated; only a rehire is possible. */
    WORKER_TERMINATED,
    /** The worker's hire was cancelled; only a new hire is possible. */
    HIRE_CANCELLED,
    /** The worker has not started yet. */
    WORKER_NOT_STARTED,
    /** The change needs an active worker. */
    WORKER_NOT_ACTIVE,
    /** A leave start for a worker already on leave. */
    WORKER_ALREADY_ON_LEAVE,
    /** A leave end for a worker who is not on leave. */
    WORKER_NOT_ON_LEAVE,
    /** A hire cancellation after the start date; use a termination. */
    HIRE_ALREADY_STARTED,
    /** A contractor needs a contract end date. */
    CONTRACTOR_END_DATE_REQUIRED,
    /** An end date (or last working day) before the start date. */
    END_DATE_BEFORE_START,
    /** A contract end change whose end has already passed; use a termination. */
    CONTRACT_END_IN_PAST,
    /** A worker cannot be their own manager. */
    MANAGER_IS_SELF,
    /** An assignment change that changes nothing. */
    EMPTY_ASSIGNMENT_CHANGE,
    /** A cancellation of a scheduled change that is not (or no longer) pending. */
    NO_SUCH_SCHEDULED_CHANGE,
    /** A rehire effective before the termination of the employment it follows. */
    REHIRE_BEFORE_TERMINATION,
    /** A change of a started employment effective before that employment's start. */
    EFFECTIVE_BEFORE_HIRE,
    /** A change back-dated further than {@code accessledger.hr.max-backdating} allows. */
    BACKDATED_TOO_FAR,
    /** A correction or rescind names no change of the worker's current employment. */
    NO_SUCH_HR_EVENT,
    /** The change named cannot be corrected or rescinded this way; the detail names what to send instead. */
    NOT_CORRECTABLE,
    /** Another worker who is not terminated already has this work e-mail: a suspected duplicate identity. */
    DUPLICATE_IDENTITY,
    /**
     * The worker id differs only in case from another worker's: targets compare account names ignoring case (LDAP
     * {@code uid}, SCIM {@code userName}), so the two would share one account.
     */
    WORKER_ID_CASE_COLLISION,
    /** The access policy document is not valid; the problem lists every fault with its path. */
    INVALID_POLICY,
    /**
     * The new policy version would revoke more access than {@code accessledger.policy.publish-guard} allows; the problem
     * carries the impact. Publish with {@code ?confirmSimulation=} naming a finished, recent simulation of the document.
     */
    POLICY_CHANGE_NEEDS_CONFIRMATION,
    /** No simulation has this id (or it was discarded after its retention). */
    NO_SUCH_SIMULATION,
    /** No pending approval has this id. */
    NO_SUCH_APPROVAL,
    /** Approving would give the worker both sides of a segregation-of-duties pair. */
    APPROVAL_BREAKS_SOD,
    /** No read model of that name can be replayed. */
    NO_SUCH_PROJECTION,
    /** The hrEventId was accepted before for another event (another worker or other content); an id names one HR event. */
    IDEMPOTENCY_KEY_REUSED,
    /** A reconciliation of the target is under way already; one runs at a time. */
    RECONCILIATION_RUNNING,
    /** The target's connector cannot list its accounts, so it cannot be reconciled. */
    NOT_RECONCILABLE,
    /** The target does not answer now; nothing was started. */
    TARGET_UNAVAILABLE,
    /** The target's mass-change safeguard holds nothing to release. */
    SAFEGUARD_NOT_TRIPPED,
    /** Personal data can be erased only once the worker is terminated. */
    ERASURE_BEFORE_TERMINATION,
    /** The worker was terminated less than {@code accessledger.privacy.retention} ago; the detail says from when erasure is allowed. */
    ERASURE_WITHIN_RETENTION,
    /** The worker's personal data was erased: nothing more can be recorded for them, and the id cannot be hired again. */
    PERSONAL_DATA_ERASED,
    /** Personal data is not sealed with per-worker keys here ({@code accessledger.privacy.enabled} is false), so it cannot be erased. */
    ERASURE_NOT_CONFIGURED,
    /** No credentials, or wrong ones. */
    UNAUTHENTICATED,
    /** The caller's role does not allow this. */
    FORBIDDEN,
    /** Nothing exists at this path. */
    NOT_FOUND,
    /** The read model asked has not yet applied every event already accepted for the worker; ask again after Retry-After. */
    VIEW_BEHIND,
    /** An unexpected failure; nothing was changed by the refused request. */
    INTERNAL_ERROR
}
