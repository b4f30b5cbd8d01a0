package org.accessledger.identity.hr;

import org.accessledger.platform.web.FieldProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Collects the faults of one HR event, each named by its path in the request. */
final class FieldChecks {

    static final int MAX_TEXT = 200;

    private final String prefix;
    private final List<FieldProblem> problems = new ArrayList<>();

    FieldChecks(String prefix) {
        this.prefix = prefix;
    }

    boolean required(String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            fail(field, "required", "is required");
            return false;
        }
        return true;
    }

    void absent(String field, Object value, HrEventType type) {
        if (value != null) {
            fail(field, "not-applicable", "does not belong in a " + type + " event");
        }
    }

    /** A required text within the length limit. */
    void text(String field, String value) {
        if (required(field, value) && value.length() > MAX_TEXT) {
            fail(field, "max-length", "must be at most " + MAX_TEXT + " characters");
        }
    }

    /** An optional text: when given, not blank and within the length limit. */
    void optionalText(String field, String value) {
        if (value != null) {
            text(field, value);
        }
    }

    void format(String field, String value, Predicate<String> valid, String rule, String description) {
        if (value != null && !valid.test(value)) {
            fail(field, rule, "must be " + description);
        }
    }

    void fail(String field, String rule, String detail) {
        problems.add(new FieldProblem(prefix + field, rule, detail));
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
