package org.accessledger.benchmark;

/** The benchmark waits for the system under test by polling; these are its polling intervals. */
final class Pause {

    private Pause() {
    }

    static void briefly() {
        sleep(100);
    }

    /** Between whole-directory counts, which cost slapd real work once it holds tens of thousands of entries. */
    static void beforeCountingAgain() {
        sleep(1_000);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
