package org.accessledger.benchmark;

/** The benchmark waits for the system under test by polling; this is its one polling interval. */
final class Pause {

    private Pause() {
    }

    static void briefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
