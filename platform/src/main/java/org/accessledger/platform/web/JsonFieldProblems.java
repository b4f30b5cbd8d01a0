package org.accessledger.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;

/** Turns Jackson's complaint about a field into a {@link FieldProblem} an HR adapter can act on. */
public final class JsonFieldProblems {

    private JsonFieldProblems() {
    }

    /** @param prefix path of the document within the request, such as {@code events[3]}, or empty */
    public static FieldProblem of(JsonMappingException e, String prefix) {
        String field = pathOf(e, "(body)", prefix);
        if (e instanceof UnrecognizedPropertyException) {
            return new FieldProblem(field, "known-field", "is not a field of the HR event contract");
        }
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        String value = e instanceof InvalidFormatException invalid ? " (got '" + invalid.getValue() + "')" : "";
        if (target == null) {
            return new FieldProblem(field, "format", "cannot be read" + value);
        }
        if (target.isEnum()) {
            return new FieldProblem(field, "one-of", "must be one of " + Arrays.toString(target.getEnumConstants()) + value);
        }
        if (target == LocalDate.class) {
            return new FieldProblem(field, "date", "must be an existing calendar date as YYYY-MM-DD" + value);
        }
        if (target == OffsetDateTime.class) {
            return new FieldProblem(field, "instant", "must be an ISO-8601 date-time with offset, e.g. 2026-12-01T09:00:00+01:00" + value);
        }
        return new FieldProblem(field, "type", "must be a " + target.getSimpleName() + value);
    }

    /** The dotted path of the field Jackson complained about, after {@code prefix}; {@code whole} when there is none. */
    public static String pathOf(JsonMappingException e, String whole, String prefix) {
        StringBuilder path = new StringBuilder(prefix);
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? whole : path.toString();
    }
}
