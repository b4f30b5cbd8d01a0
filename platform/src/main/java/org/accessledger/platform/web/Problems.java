package org.accessledger.platform.web;

import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.error.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** RFC 9457 problem details for AccessLedger's error codes: the one place that gives a code its status and type. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(statusOf(code), detail);
        problem.setType(URI.create("urn:accessledger:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(titleOf(code));
        problem.setProperty("code", code.name());
        return problem;
    }

    public static ProblemDetail of(RuleViolation violation) {
        ProblemDetail problem = of(violation.code(), violation.message());
        if (violation.field() != null) {
            problem.setProperty("field", violation.field());
        }
        return problem;
    }

    public static ProblemDetail invalid(ErrorCode code, List<FieldProblem> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).detail()
                : errors.size() + " fields are not as the request's contract says; see errors";
        ProblemDetail problem = of(code, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    public static HttpStatus statusOf(ErrorCode code) {
        return switch (code) {
            case MALFORMED_REQUEST, INVALID_FIELD, BATCH_TOO_LARGE, INVALID_POLICY -> HttpStatus.BAD_REQUEST;
            case REQUEST_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case WORKER_NOT_FOUND, NOT_FOUND, NO_SUCH_APPROVAL, NO_SUCH_PROJECTION, NO_SUCH_SIMULATION -> HttpStatus.NOT_FOUND;
            case VIEW_BEHIND, TARGET_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case RECONCILIATION_RUNNING, SAFEGUARD_NOT_TRIPPED, ERASURE_BEFORE_TERMINATION, ERASURE_WITHIN_RETENTION,
                 PERSONAL_DATA_ERASED, ERASURE_NOT_CONFIGURED, POLICY_CHANGE_NEEDS_CONFIRMATION -> HttpStatus.CONFLICT;
            case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
            default -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }

    private static String titleOf(ErrorCode code) {
        String words = code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
