package org.accessledger.standalone;

import org.accessledger.standalone.audit.VerifyCommand;
import org.accessledger.standalone.feed.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Arrays;

/**
 * All three services in one JVM on the embedded default: H2 event store and in-process MongoDB under ./data; or, with
 * {@code import} as the first argument, the snapshot import against a running AccessLedger; with {@code verify}, the
 * offline check of an exported audit log.
 */
@SpringBootApplication(scanBasePackages = "org.accessledger")
public class StandaloneApplication {

    /** Axon's start-up update check calls a host on the internet; AccessLedger keeps to the hosts it is configured for. */
    static final String UPDATE_CHECK_OFF = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(ImportCommand.NAME)) {
            System.exit(ImportCommand.run(System.err, Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals(VerifyCommand.NAME)) {
            System.exit(VerifyCommand.run(System.out, Arrays.copyOfRange(args, 1, args.length)));
        }
        System.setProperty(UPDATE_CHECK_OFF, System.getProperty(UPDATE_CHECK_OFF, "true"));
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
