package org.accessledger.api.worker;

/** The fields of an {@link Assignment} that change; {@code null} means unchanged. */
public record AssignmentChange(String department,
                               String jobCode,
                               String location,
                               String costCenter,
                               WorkerId managerId) {

    public boolean changesNothing() {
        return department == null && jobCode == null && location == null && costCenter == null && managerId == null;
    }
}
