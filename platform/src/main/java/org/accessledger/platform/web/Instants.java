package org.accessledger.platform.web;

import org.accessledger.api.error.ErrorCode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Instants given as request parameters. */
public final class Instants {

    private Instants() {
    }

    /** {@code value} as an ISO-8601 instant, or a 400 naming {@code field}. */
    public static Instant parse(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(ErrorCode.INVALID_FIELD,
                    List.of(new FieldProblem(field, "instant", "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z")));
        }
    }
}
