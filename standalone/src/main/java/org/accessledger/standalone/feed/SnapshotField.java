package org.accessledger.standalone.feed;

import java.util.Arrays;
import java.util.Locale;

/** A column of a full workforce snapshot; its default header is its name. */
public enum SnapshotField {
    WORKER_ID("workerId", true),
    GIVEN_NAME("givenName", true),
    FAMILY_NAME("familyName", true),
    EMAIL("email", true),
    WORKER_TYPE("workerType", true),
    TIME_ZONE("timeZone", true),
    START_DATE("startDate", true),
    END_DATE("endDate", false),
    DEPARTMENT("department", true),
    JOB_CODE("jobCode", true),
    LOCATION("location", true),
    COST_CENTER("costCenter", true),
    MANAGER_ID("managerId", false),
    LEAVE_START_DATE("leaveStartDate", false),
    LEAVE_END_DATE("leaveEndDate", false),
    TERMINATION_DATE("terminationDate", false),
    TERMINATION_REASON("terminationReason", false);

    private final String defaultHeader;
    private final boolean required;

    SnapshotField(String defaultHeader, boolean required) {
        this.defaultHeader = defaultHeader;
        this.required = required;
    }

    public String defaultHeader() {
        return defaultHeader;
    }

    public boolean required() {
        return required;
    }

    /** The field named as in the default layout ({@code costCenter}), case-insensitively. */
    public static SnapshotField named(String name) {
        return Arrays.stream(values()).filter(field -> field.defaultHeader.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no snapshot field " + name + "; the fields are "
                        + Arrays.stream(values()).map(SnapshotField::defaultHeader).toList()));
    }
}
