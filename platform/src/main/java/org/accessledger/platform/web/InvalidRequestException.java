package org.accessledger.platform.web;

import org.accessledger.api.error.ErrorCode;

import java.util.List;

/** A request refused before anything was done with it; answered 400 with every fault listed. */
public class InvalidRequestException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldProblem> errors;

    public InvalidRequestException(ErrorCode code, List<FieldProblem> errors) {
        super(code + ": " + errors);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
