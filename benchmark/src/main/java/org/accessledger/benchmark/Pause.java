package org.accessledger.benchmark;

/** The benchmark waits for the system under test by polling; these are its polling intervals. */
final class Pause {

    private Pause() {
    }

    static void briefly() {
        sleep(100);
    }

    /**
     * Between questions to the app while it works: each is an authenticated request, a BCrypt check on the app's cores.
     * Asked every 100 ms, they took a third of the app's CPU samples late in a 50,000-worker history phase.
     */
    static void beforeAskingTheAppAgain() {
        sleep(1_000);
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
