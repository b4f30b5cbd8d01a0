package org.accessledger.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Axon Server profile as far as it can be tested here, with no Axon Server to be had: the service wires the
 * Axon Server connector and, finding no server, stops with a message that names it.
 */
class AxonServerProfileTest {

    @TempDir
    Path directory;

    @Test
    void serviceWithoutAReachableAxonServerStopsNamingTheServer() throws Exception {
        int closedPort = PrometheusScrapeTest.freePort();
        Path log = directory.resolve("service.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(SplitServicesTest.javaBinary(), "-Xmx384m", "-jar",
                ExternalTool.repositoryRoot().resolve("identity-service/target/identity-service.jar").toString(),
                "--spring.profiles.active=axonserver", "--server.address=127.0.0.1"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(java.util.Map.of("AXON_SERVER", "127.0.0.1:" + closedPort,
                "SERVER_PORT", String.valueOf(PrometheusScrapeTest.freePort()), "ACCESSLEDGER_DATA_DIR", directory.resolve("data").toString()));
        Process service = builder.start();

        boolean stopped = service.waitFor(90, TimeUnit.SECONDS);
        if (!stopped) {
            service.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(stopped).as("the service gave up without a server").isTrue();
        assertThat(service.exitValue()).isNotZero();
        assertThat(output).contains("Failed to get connection to AxonServer").contains("127.0.0.1:" + closedPort);
    }
}
