package org.accessledger.connector.testservers;

/** A test server run as a child process: started by the subclass, stopped and restarted on the same port and data. */
abstract class ServerProcess implements AutoCloseable {

    protected Process process;

    /** Starts the process and returns once it listens. */
    protected abstract void startProcess();

    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void restart() {
        stop();
        startProcess();
    }

    @Override
    public void close() {
        stop();
    }
}
