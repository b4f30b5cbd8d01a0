package org.accessledger.standalone.feed;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import org.accessledger.identity.snapshot.CurrentWorker;
import org.accessledger.identity.snapshot.SnapshotDiff;
import org.accessledger.identity.snapshot.WorkerSnapshot;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.accessledger.standalone.feed.ImportReport.Outcome.*;

/**
 * {@code accessledger.jar import}: a full workforce snapshot (CSV) against a running AccessLedger. The file is read
 * whole first, every worker once, each row diffed against it ({@link SnapshotDiff}) and the resulting HR events sent
 * in batches; a row's events always travel in one batch, so a row is sent whole or not at all.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Diffs a full workforce snapshot (CSV) against AccessLedger and sends the HR events that bring it in line.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every row read and applied (or unchanged)", "1:the import could not run (file, header, server)",
                "2:some rows were malformed or refused: see --report"})
public class ImportCommand implements Callable<Integer> {

    public static final String NAME = "import";

    @Option(names = "--file", required = true, description = "The snapshot: UTF-8 CSV, first row the column headers.")
    Path file;

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "AccessLedger's base URL (default ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--user", defaultValue = "hr", description = "A user with the HR_ADAPTER role (default ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password", arity = "0..1", interactive = true, defaultValue = "${env:ACCESSLEDGER_PASSWORD}",
            description = "The user's password; default the environment variable ACCESSLEDGER_PASSWORD, else asked for.")
    char[] password;

    @Option(names = "--column", paramLabel = "FIELD=HEADER",
            description = "A column under another header than the default layout's, e.g. --column workerId=\"Employee ID\".")
    Map<String, String> columns = new LinkedHashMap<>();

    @Option(names = "--terminate-missing",
            description = "End the employment of every employed worker the snapshot does not list (effective --effective-date).")
    boolean terminateMissing;

    @Option(names = "--effective-date", description = "The date moves and missing workers' terminations take effect (default today).")
    LocalDate effectiveDate = LocalDate.now();

    @Option(names = "--report", description = "Write what each row became to this CSV file.")
    Path report;

    @Option(names = "--batch-size", defaultValue = "1000", description = "HR events per request, 1 to 1000 (default ${DEFAULT-VALUE}).")
    int batchSize;

    private final PrintStream out;

    /** Runs the command line {@code args} (after the word {@code import}), printing to {@code out}; answers the exit code. */
    public static int run(PrintStream out, String... args) {
        return new CommandLine(new ImportCommand(out))
                .setErr(new PrintWriter(out, true))
                .setExecutionExceptionHandler((failure, command, parsed) -> {
                    command.getErr().println("import failed: " + failure.getMessage());
                    return 1;
                })
                .execute(args);
    }

    private ImportCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("--batch-size must be 1 to 1000");
        }
        List<SnapshotReader.Read> reads = readWhole(file, SnapshotLayout.of(columns));
        AccessLedgerClient client = new AccessLedgerClient(url, user, passwordOrAsk());
        SnapshotDiff diff = new SnapshotDiff(digestOf(file), effectiveDate);
        Map<String, CurrentWorker> current = client.workers();
        ImportReport outcomes = new ImportReport();
        Set<String> listed = new HashSet<>();
        try (ProgressBar progress = progressBar(reads.size())) {
            RowSender sender = new RowSender(client, batchSize, outcomes, progress);
            for (SnapshotReader.Read read : reads) {
                if (read.row() == null) {
                    outcomes.add(read.line(), null, MALFORMED, List.of(), List.of("line " + read.line() + " " + read.problem()));
                    progress.step();
                    continue;
                }
                WorkerSnapshot row = read.row();
                if (!listed.add(row.workerId())) {
                    outcomes.add(read.line(), row.workerId(), MALFORMED, List.of(), List.of("line " + read.line() + " lists "
                            + row.workerId() + " again; only its first row is imported"));
                    progress.step();
                    continue;
                }
                SnapshotDiff.Plan plan = diff.of(row, current.get(row.workerId()));
                sender.queue(new RowSender.Row(read.line(), row.workerId(), plan.events(), plan.notes()));
            }
            for (CurrentWorker worker : current.values()) {
                if (!listed.contains(worker.workerId())) {
                    SnapshotDiff.Plan plan = diff.missing(worker, terminateMissing);
                    if (!plan.unchanged() || !plan.notes().isEmpty()) {
                        sender.queue(new RowSender.Row(null, worker.workerId(), plan.events(), plan.notes()));
                    }
                }
            }
            sender.flush();
            progress.close();
            out.println("Imported " + file + ": " + outcomes.summary() + "; " + sender.sent() + " HR events sent"
                    + (report == null ? "" : "; report in " + report));
        }
        if (report != null) {
            outcomes.write(report);
        }
        return outcomes.count(MALFORMED) + outcomes.count(REJECTED) > 0 ? 2 : 0;
    }

    private ProgressBar progressBar(long rows) {
        return new ProgressBarBuilder().setTaskName("rows").setInitialMax(rows).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(out)).showSpeed().setUpdateIntervalMillis(250).build();
    }

    private char[] passwordOrAsk() {
        if (password != null && password.length > 0) {
            return password;
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("No password: set ACCESSLEDGER_PASSWORD or pass --password");
        }
        return console.readPassword("Password of %s: ", user);
    }

    /**
     * Every row, before anything is sent: a file that stops being CSV part-way is refused whole rather than sent up
     * to the line where it breaks.
     */
    private static List<SnapshotReader.Read> readWhole(Path file, SnapshotLayout layout) throws IOException {
        List<SnapshotReader.Read> reads = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             SnapshotReader rows = SnapshotReader.open(reader, layout)) {
            rows.forEachRemaining(reads::add);
        } catch (SnapshotReader.UnreadableFileException e) {
            throw new IOException(e.getMessage() + "; nothing was sent", e);
        }
        return reads;
    }

    private static String digestOf(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
