package org.accessledger.identity.hr;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.ProblemDetail;

/**
 * What became of one HR event: ACCEPTED, DUPLICATE, or REJECTED with the problem. {@code position}, for an event
 * accepted now or before: a position in the event stream at or after the one it was stored at; a read of any view
 * with {@code ?minPosition=} that value shows its effect.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HrEventResult(String hrEventId, String workerId, Outcome outcome, ProblemDetail problem, Long position) {

    public HrEventResult(String hrEventId, String workerId, Outcome outcome, ProblemDetail problem) {
        this(hrEventId, workerId, outcome, problem, null);
    }

    /** The same result, placed at {@code position} unless it was rejected. */
    HrEventResult at(long position) {
        return outcome == Outcome.REJECTED ? this : new HrEventResult(hrEventId, workerId, outcome, problem, position);
    }

    public enum Outcome {
        ACCEPTED,
        DUPLICATE,
        REJECTED
    }
}
