package org.accessledger.benchmark;

/** The parts of a run, in order. Each reports its figures under its own key, which tells a resumed run it was done. */
enum Phase {
    BULK_LOAD("bulk-load", "bulkLoad"),
    RECONCILIATION("reconciliation", "reconciliation"),
    HISTORY("history", "history"),
    STEADY_STREAM("steady-stream", "steadyStream"),
    REPLAY("replay", "replay"),
    AS_OF_QUERIES("as-of-queries", "asOfQueries"),
    RETROACTIVE_CHANGES("retroactive-changes", "retroactiveChanges"),
    POLICY_SIMULATION("policy-simulation", "policySimulation"),
    AUDIT_EVIDENCE("audit-evidence", "auditEvidence"),
    ERASURE("erasure", "erasure"),
    RAW_LIMITS("raw-limits", "rawLimits");

    private final String optionValue;
    private final String reportKey;

    Phase(String optionValue, String reportKey) {
        this.optionValue = optionValue;
        this.reportKey = reportKey;
    }

    String reportKey() {
        return reportKey;
    }

    boolean isLast() {
        return ordinal() == values().length - 1;
    }

    /** How the phase is named on the command line (picocli matches enum values by {@code toString()}). */
    @Override
    public String toString() {
        return optionValue;
    }
}
