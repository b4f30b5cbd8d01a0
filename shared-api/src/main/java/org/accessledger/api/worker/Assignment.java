package org.accessledger.api.worker;

/** Where and as what a worker works; the inputs of birthright access rules. */
public record Assignment(String department,
                         String jobCode,
                         String location,
                         String costCenter,
                         WorkerId managerId) {

    /** This assignment with every non-null field of {@code change} applied. */
    public Assignment with(AssignmentChange change) {
        return new Assignment(
                change.department() != null ? change.department() : department,
                change.jobCode() != null ? change.jobCode() : jobCode,
                change.location() != null ? change.location() : location,
                change.costCenter() != null ? change.costCenter() : costCenter,
                change.managerId() != null ? change.managerId() : managerId);
    }
}
