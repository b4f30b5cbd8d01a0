package org.accessledger.standalone.audit;

import org.accessledger.platform.audit.log.ExportVerifier;
import org.accessledger.platform.audit.note.NoteVerifierKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code accessledger.jar verify}: an exported audit log against signed checkpoints, offline. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Checks that exported events (GET /api/v1/audit/events) reproduce the roots of signed checkpoints.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the export reproduces every checkpoint's signed root",
                "1:it does not, or a checkpoint's signature does not verify, or a file cannot be read"})
public class VerifyCommand implements Callable<Integer> {

    public static final String NAME = "verify";

    @Option(names = "--export", required = true, description = "The exported events, NDJSON in leaf order from leaf 0.")
    Path export;

    @Option(names = "--checkpoint", required = true,
            description = "A signed checkpoint (GET /api/v1/audit/checkpoint); repeat it to locate a change more closely.")
    List<Path> checkpoints = new ArrayList<>();

    @Option(names = "--public-key", required = true, description = "The log's verifier key (GET /api/v1/audit/public-key).")
    Path publicKey;

    private final PrintStream out;

    public static int run(PrintStream out, String... args) {
        return new CommandLine(new VerifyCommand(out))
                .setErr(new PrintWriter(out, true))
                .setExecutionExceptionHandler((failure, command, parsed) -> {
                    command.getErr().println("verification failed: " + failure.getMessage());
                    return 1;
                })
                .execute(args);
    }

    private VerifyCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        NoteVerifierKey key = NoteVerifierKey.parse(Files.readString(publicKey, StandardCharsets.UTF_8));
        List<String> notes = new ArrayList<>();
        for (Path checkpoint : checkpoints) {
            notes.add(Files.readString(checkpoint, StandardCharsets.UTF_8));
        }
        try (BufferedReader events = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            ExportVerifier.Result result = ExportVerifier.verify(events, notes, key);
            out.println((result.verified() ? "verified: " : "NOT verified: ") + result.message());
            return result.verified() ? 0 : 1;
        }
    }
}
