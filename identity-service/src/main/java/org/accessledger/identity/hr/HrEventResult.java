package org.accessledger.identity.hr;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.ProblemDetail;

/** What became of one HR event: ACCEPTED, DUPLICATE, or REJECTED with the problem. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HrEventResult(String hrEventId, String workerId, Outcome outcome, ProblemDetail problem) {

    public enum Outcome {
        ACCEPTED,
        DUPLICATE,
        REJECTED
    }
}
