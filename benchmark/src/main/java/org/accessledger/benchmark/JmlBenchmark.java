package org.accessledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchScope;
import org.accessledger.connector.testservers.Slapd;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * End-to-end JML benchmark: the standalone app provisioning a real slapd, measured from outside over HTTP, LDAP and
 * the app's own Prometheus histograms; beside it, in the same run, what slapd and an H2 file do on their own.
 */
@Command(name = "accessledger-benchmark", mixinStandardHelpOptions = true,
        description = "Measures AccessLedger's joiner/mover/leaver throughput and latency against a real OpenLDAP.")
public class JmlBenchmark implements Callable<Integer> {

    @Option(names = "--workers", description = "Population size (default ${DEFAULT-VALUE}).")
    int workers = 20_000;

    @Option(names = "--rate", description = "Steady JML stream, HR events per second (default ${DEFAULT-VALUE}).")
    int rate = 50;

    @Option(names = "--duration", description = "Length of the steady stream, ISO-8601 (default ${DEFAULT-VALUE}).")
    Duration duration = Duration.ofMinutes(2);

    @Option(names = "--backdated-percent", description = "Share of the steady stream's moves dated 1 to 60 days back, in percent (default ${DEFAULT-VALUE}).")
    int backdatedPercent = 0;

    @Option(names = "--seed", description = "Seed of the synthetic population (default ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--jar", description = "The standalone jar (default ${DEFAULT-VALUE}).")
    Path jar = Path.of("standalone/target/accessledger.jar");

    @Option(names = "--heap", description = "Maximum heap of the app (default ${DEFAULT-VALUE}).")
    String heap = "2g";

    @Option(names = "--work-dir", description = "Where slapd, the app's data and the raw tests live (default ${DEFAULT-VALUE}).")
    Path workDir = Path.of("target/benchmark-work");

    @Option(names = "--profile", description = "Record a Java Flight Recording of the app into the work directory, a file per part "
            + "of the run (app-part-1.jfr, then app-part-2.jfr after --resume, ...).")
    boolean profile;

    @Option(names = "--output", description = "The JSON report (default ${DEFAULT-VALUE}).")
    Path output = Path.of("target/benchmark-result.json");

    @Option(names = "--stop-after", paramLabel = "PHASE", description = "End the run after this phase, keeping slapd's and the app's data "
            + "in --work-dir for --resume: ${COMPLETION-CANDIDATES}.")
    Phase stopAfter;

    @Option(names = "--resume", description = "Continue the run stopped after a phase: slapd and the app start again on its data "
            + "(same --work-dir, --output, --workers and --seed) and the phases not yet in the report run.")
    boolean resume;

    @Spec
    CommandSpec spec;

    /** How many leavers the erasure phase erases. */
    private static final int ERASED_LEAVERS = 200;

    private Report report;
    private final long runStarted = System.nanoTime();

    public static void main(String[] args) {
        System.exit(new CommandLine(new JmlBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        report = resume ? resumedReport() : newRun();
        Path slapdDirectory = workDir.resolve("slapd");
        Population population = Population.generate(seed, workers);
        try (Slapd slapd = resume ? Slapd.startAgain(slapdDirectory) : Slapd.start(Files.createDirectories(slapdDirectory));
             AppUnderTest app = AppUnderTest.start(jar, workDir.resolve("data"), AppUnderTest.freePort(), heap, jvmOptions(), targetArguments(slapd))) {
            report.partBuiltFrom(app.builtFrom());
            for (Phase phase : Phase.values()) {
                if (report.has(phase)) {
                    continue;
                }
                report.started(phase);
                run(phase, app, slapd, population);
                report.finished(phase, app.peakResidentBytes());
                if (phase == stopAfter && !phase.isLast()) {
                    progress("stopped after the %s phase; continue with --resume", phase);
                    break;
                }
            }
        }
        report.print();
        return 0;
    }

    private Report newRun() throws Exception {
        deleteRecursively(workDir);
        return Report.begin(output, workers, seed);
    }

    private Report resumedReport() throws IOException {
        try {
            return Report.resume(output, workers, seed);
        } catch (IllegalArgumentException cannotResume) {
            throw new ParameterException(spec.commandLine(), cannotResume.getMessage());
        }
    }

    private void run(Phase phase, AppUnderTest app, Slapd slapd, Population population) throws Exception {
        switch (phase) {
            case BULK_LOAD -> {
                progress("bulk load: %,d hires", workers);
                bulkLoad(app, slapd, population);
            }
            case RECONCILIATION -> {
                progress("reconciliation of every account");
                reconciliation(app, slapd);
            }
            case HISTORY -> {
                progress("history: %,d HR events", population.year().size());
                history(app, population);
            }
            case STEADY_STREAM -> {
                progress("steady stream: %d HR events/s for %s", rate, duration);
                steadyStream(app, population);
            }
            case REPLAY -> {
                progress("replay of the access read model");
                replay(app);
            }
            case AS_OF_QUERIES -> {
                progress("as-of queries");
                asOfQueries(app, population);
                report.put("dataFilesMiB", Map.of("eventStore", mebibytes(workDir.resolve("data/eventstore.mv.db")),
                        "readModels", mebibytes(workDir.resolve("data/readmodels-bson.mv"))));
            }
            case RETROACTIVE_CHANGES -> {
                progress("retroactive changes to the workers with the longest histories");
                retroactiveChanges(app, population);
            }
            case POLICY_SIMULATION -> {
                progress("policy simulations over the whole workforce");
                policySimulation(app);
            }
            case AUDIT_EVIDENCE -> {
                progress("audit evidence: a checkpoint, inclusion proofs, a full verification");
                auditEvidence(app);
            }
            case ERASURE -> {
                progress("erasure of leavers' personal data");
                erasure(app, slapd, population);
            }
            case RAW_LIMITS -> {
                progress("raw limits of slapd and H2");
                rawLimits(slapd);
            }
        }
    }

    private void bulkLoad(AppUnderTest app, Slapd slapd, Population population) throws Exception {
        try (LDAPConnection ldap = slapd.connect()) {
            Scrape before = new Scrape(app.metrics());
            SlapdOperations ldapBefore = SlapdOperations.read(ldap);
            long started = System.nanoTime();
            int rejected = postAll(app, population.hires().stream().map(dated -> dated.event()).toList());
            double accepted = seconds(started);
            int countingSearches = awaitProvisioned(app, ldap, workers);
            double provisioned = seconds(started);
            Scrape after = new Scrape(app.metrics());
            // The reading before is a search too, counted once it had completed.
            SlapdOperations ldapOperations = SlapdOperations.read(ldap).since(ldapBefore).withoutSearches(1 + countingSearches);
            Map<String, Object> load = new LinkedHashMap<>();
            load.put("hrEventsAcceptedPerSecond", workers / accepted);
            load.put("hrEventsRejected", rejected);
            load.put("accessDecisionsPerSecond", delta(before, after, "accessledger_access_changes_total", "") / provisioned);
            load.put("provisioningOperationsPerSecond", delta(before, after, "accessledger_provisioning_operations_total", "target=\"corp-ldap\"") / provisioned);
            load.put("ldapOperationsPerSecond", ldapOperations.total() / provisioned);
            load.put("ldapOperations", ldapOperations.completedByKind());
            load.put("accountsPerSecond", workers / provisioned);
            load.put("secondsUntilEveryAccountProvisioned", provisioned);
            load.put("authentication", authenticationCost(app));
            report.put("bulkLoad", load);
        }
    }

    /**
     * What HTTP Basic adds to a request: the same small read, a thousand times with credentials and a thousand without
     * (health), one at a time; p50 and p99 of each in milliseconds.
     */
    private static Map<String, Object> authenticationCost(AppUnderTest app) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (boolean authenticated : List.of(true, false)) {
            List<Long> nanos = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                nanos.add(app.timedGet(authenticated ? "/actuator/info" : "/actuator/health", authenticated));
            }
            nanos.sort(Comparator.naturalOrder());
            String prefix = authenticated ? "basic" : "anonymous";
            figures.put(prefix + "P50Millis", nanos.get(nanos.size() / 2) / 1e6);
            figures.put(prefix + "P99Millis", nanos.get((int) (nanos.size() * 0.99)) / 1e6);
        }
        return figures;
    }

    /**
     * Every account read back and compared, beside the raw rate of reading the same entries and groups from slapd with
     * a paged search over one connection.
     */
    private void reconciliation(AppUnderTest app, Slapd slapd) throws Exception {
        long started = System.nanoTime();
        String id = app.post("/api/v1/targets/corp-ldap/reconciliations", "").path("reconciliationId").asText();
        JsonNode run;
        do {
            Pause.beforeAskingTheAppAgain();
            run = app.get("/api/v1/targets/corp-ldap/reconciliations/" + id, true);
        } while ("RUNNING".equals(run.path("status").asText()));
        double elapsed = seconds(started);
        if (!"COMPLETED".equals(run.path("status").asText())) {
            throw new IllegalStateException("The reconciliation did not complete: " + run);
        }
        double raw;
        try (LDAPConnection ldap = slapd.connect()) {
            raw = RawLimits.ldapPagedReadsPerSecond(ldap, Slapd.BASE, 500);
        }
        long accounts = run.path("accountsRead").asLong();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("accounts", accounts);
        figures.put("seconds", elapsed);
        figures.put("accountsPerSecond", accounts / elapsed);
        figures.put("rawPagedEntriesReadPerSecond", raw);
        figures.put("accountsReconciledToRawPagedReads", accounts / elapsed / raw);
        figures.put("findings", run.path("findings"));
        report.put("reconciliation", figures);
    }

    private void history(AppUnderTest app, Population population) {
        long started = System.nanoTime();
        int rejected = postAll(app, population.year().stream().map(dated -> dated.event()).toList());
        awaitTargetsCaughtUp(app);
        report.put("history", Map.of("hrEvents", population.year().size(), "hrEventsRejected", rejected, "seconds", seconds(started)));
    }

    private void steadyStream(AppUnderTest app, Population population) throws InterruptedException {
        Scrape before = new Scrape(app.metrics());
        Random random = new Random(seed + 1);
        AtomicInteger sent = new AtomicInteger();
        int total = (int) (rate * duration.toSeconds());
        String today = LocalDate.now().toString();
        ObjectMapper json = new ObjectMapper();
        ScheduledExecutorService sender = Executors.newScheduledThreadPool(4);
        long periodNanos = 1_000_000_000L / rate;
        sender.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            if (n >= total) {
                return;
            }
            String workerId = Population.workerId(random.nextInt(workers));
            String date = random.nextInt(100) < backdatedPercent ? LocalDate.now().minusDays(1 + random.nextInt(60)).toString() : today;
            ObjectNode event = json.createObjectNode().put("hrEventId", "stream-" + n).put("type", "ASSIGNMENT_CHANGE")
                    .put("workerId", workerId).put("effectiveDate", date);
            event.putObject("assignment").put("department", n % 2 == 0 ? "Sales" : "Finance").put("jobCode", n % 2 == 0 ? "SALES-REP" : "FIN-ANALYST");
            app.post("/api/v1/hr-events", event.toString());
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (sent.get() < total) {
            Pause.briefly();
        }
        sender.shutdown();
        sender.awaitTermination(1, TimeUnit.MINUTES);
        awaitTargetsCaughtUp(app);
        Scrape after = new Scrape(app.metrics());
        Map<String, Object> stream = new LinkedHashMap<>();
        stream.put("hrEventsPerSecond", rate);
        stream.put("backdatedPercent", backdatedPercent);
        stream.put("seconds", duration.toSeconds());
        stream.put("timeToProvisionSeconds", latency(before, after, "accessledger_time_to_provision_seconds"));
        stream.put("timeToRevokeSeconds", latency(before, after, "accessledger_time_to_revoke_seconds"));
        report.put("steadyStream", stream);
    }

    private void replay(AppUnderTest app) {
        long started = System.nanoTime();
        app.post("/api/v1/admin/replay/access-current", "");
        JsonNode progress = app.awaitCaughtUp("access-current");
        double elapsed = seconds(started);
        long events = progress.path("head").asLong() + 1;
        report.put("replay", Map.of("readModel", "access-current", "events", events, "seconds", elapsed, "eventsPerSecond", events / elapsed));
    }

    private void asOfQueries(AppUnderTest app, Population population) {
        Map<String, Integer> historyLength = historyLengths(population);
        List<String> longest = longestHistories(historyLength);
        Random random = new Random(seed + 2);
        LocalDate from = LocalDate.of(2017, 1, 1);
        int days = (int) (LocalDate.now().toEpochDay() - from.toEpochDay());
        List<Long> nanos = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            for (String workerId : longest) {
                String instant = from.plusDays(random.nextInt(days)) + "T12:00:00Z";
                nanos.add(app.timedGet("/api/v1/workers/" + workerId + "/access?asOf=" + instant, true));
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("queries", nanos.size());
        report.put("asOfQueries", latencyOfLongestHistories(figures, historyLength, longest, nanos));
    }

    /**
     * A move dated on the day of one of the worker's own earlier changes, sent to each of the workers with the longest
     * histories in turn: the time from sending it until the current access view shows what it decided (the HR intake, the worker's
     * re-fold, the access profile's re-decision of every year since and the net change now), and apart the time until
     * the HR intake's answer.
     */
    private void retroactiveChanges(AppUnderTest app, Population population) {
        Map<String, Integer> historyLength = historyLengths(population);
        List<String> longest = longestHistories(historyLength);
        Map<String, List<LocalDate>> changeDates = changeDatesOfTheLatestEmployment(population);
        Random random = new Random(seed + 3);
        ObjectMapper json = new ObjectMapper();
        List<Long> nanos = new ArrayList<>();
        List<Long> acceptedNanos = new ArrayList<>();
        int sent = 0;
        for (int round = 0; round < 4; round++) {
            for (String workerId : longest) {
                List<LocalDate> dates = changeDates.getOrDefault(workerId, List.of());
                if (dates.isEmpty()) {
                    continue;
                }
                ObjectNode event = json.createObjectNode().put("hrEventId", "retro-" + round + "-" + workerId).put("type", "ASSIGNMENT_CHANGE")
                        .put("workerId", workerId).put("effectiveDate", dates.get(random.nextInt(dates.size())).toString());
                event.putObject("assignment").put("location", "Retro-" + round);
                sent++;
                long started = System.nanoTime();
                JsonNode result = app.post("/api/v1/hr-events", event.toString()).at("/results/0");
                if (!"ACCEPTED".equals(result.path("outcome").asText())) {
                    progress("a back-dated move was not accepted: %s", result);
                    continue;
                }
                acceptedNanos.add(System.nanoTime() - started);
                app.get("/api/v1/workers/" + workerId + "/access?minPosition=" + result.path("position").asLong(), true);
                nanos.add(System.nanoTime() - started);
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("sent", sent);
        figures.put("changes", nanos.size());
        acceptedNanos.sort(Comparator.naturalOrder());
        figures.put("acceptedP50Millis", acceptedNanos.get(acceptedNanos.size() / 2) / 1e6);
        figures.put("acceptedP99Millis", acceptedNanos.get((int) (acceptedNanos.size() * 0.99)) / 1e6);
        report.put("retroactiveChanges", latencyOfLongestHistories(figures, historyLength, longest, nanos));
    }

    /**
     * Two what-ifs over the whole workforce as it stands: the published version (which must change nothing) and one
     * with a mistaken condition (the finance department misspelt); seconds until each finished, and workers per second.
     */
    private void policySimulation(AppUnderTest app) {
        String published = app.get("/api/v1/policy", true).path("document").asText();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("published", simulated(app, published));
        figures.put("mistaken", simulated(app, published.replace("equals: Finance }", "equals: Fnance }")));
        report.put("policySimulation", figures);
    }

    private Map<String, Object> simulated(AppUnderTest app, String document) {
        long started = System.nanoTime();
        String simulationId = app.postYaml("/api/v1/policy/simulations", document).path("simulationId").asText();
        JsonNode simulation;
        do {
            Pause.beforeAskingTheAppAgain();
            simulation = app.get("/api/v1/policy/simulations/" + simulationId, true);
        } while (simulation.path("status").asText().equals("RUNNING"));
        double seconds = seconds(started);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("status", simulation.path("status").asText());
        figures.put("seconds", seconds);
        figures.put("workersEvaluated", simulation.path("workersEvaluated").asInt());
        figures.put("workersPerSecond", simulation.path("workersEvaluated").asInt() / seconds);
        figures.put("grants", simulation.at("/summary/grants").asInt());
        figures.put("revocations", simulation.at("/summary/revocations").asInt());
        return figures;
    }

    /**
     * The tamper-evident log over everything the run stored: how long a checkpoint of it all takes, how fast an
     * inclusion proof of a random event answers, and the rate of a full verification of the log against the store.
     */
    private void auditEvidence(AppUnderTest app) {
        long started = System.nanoTime();
        long treeSize = app.post("/api/v1/audit/checkpoints", "").path("treeSize").asLong();
        double checkpointSeconds = seconds(started);
        List<String> eventIds = new ArrayList<>();
        Random random = new Random(seed + 4);
        for (int sample = 0; sample < 50; sample++) {
            app.get("/api/v1/workers/" + Population.workerId(random.nextInt(workers)) + "/history", true).path("events")
                    .forEach(entry -> {
                        if (!entry.path("eventId").isMissingNode() && !entry.path("eventId").isNull()) {
                            eventIds.add(entry.path("eventId").asText());
                        }
                    });
        }
        List<Long> nanos = new ArrayList<>();
        for (int proof = 0; proof < 500 && !eventIds.isEmpty(); proof++) {
            nanos.add(app.timedGet("/api/v1/audit/proofs/inclusion?eventId=" + eventIds.get(random.nextInt(eventIds.size())) + "&treeSize=" + treeSize, true));
        }
        String verificationId = app.post("/api/v1/audit/verifications", "").path("verificationId").asText();
        JsonNode verification;
        do {
            Pause.beforeAskingTheAppAgain();
            verification = app.get("/api/v1/audit/verifications/" + verificationId, true);
        } while (verification.path("status").asText().equals("RUNNING"));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("treeSize", treeSize);
        figures.put("checkpointOfEverythingSeconds", checkpointSeconds);
        figures.put("inclusionProofs", nanos.size());
        nanos.sort(Comparator.naturalOrder());
        figures.put("inclusionProofP50Millis", nanos.get(nanos.size() / 2) / 1e6);
        figures.put("inclusionProofP99Millis", nanos.get((int) (nanos.size() * 0.99)) / 1e6);
        figures.put("verification", verification.path("status").asText());
        figures.put("verificationEventsPerSecond", verification.path("eventsPerSecond").asDouble());
        report.put("auditEvidence", figures);
    }

    /**
     * Erases the personal data of up to {@value #ERASED_LEAVERS} leavers, one after another: the time until the
     * erasure's answer (recorded, key destroyed: from then on nothing of it can be read), and the time until every one of
     * their accounts has left slapd.
     */
    private void erasure(AppUnderTest app, Slapd slapd, Population population) throws Exception {
        Map<String, String> lastChange = new LinkedHashMap<>();
        population.year().forEach(dated -> lastChange.put(dated.workerId(), dated.event().path("type").asText()));
        List<String> leavers = lastChange.entrySet().stream().filter(change -> change.getValue().equals("TERMINATION"))
                .map(Map.Entry::getKey).limit(ERASED_LEAVERS).toList();
        List<Long> nanos = new ArrayList<>();
        int refused = 0;
        long started = System.nanoTime();
        for (String workerId : leavers) {
            long sent = System.nanoTime();
            JsonNode answer = app.post("/api/v1/workers/" + workerId + "/erasure", "");
            if (answer.has("erasedAt")) {
                nanos.add(System.nanoTime() - sent);
            } else {
                refused++;
                progress("an erasure was refused: %s", answer);
            }
        }
        try (LDAPConnection ldap = slapd.connect()) {
            while (leavers.stream().anyMatch(workerId -> accountExists(ldap, workerId))) {
                Pause.beforeAskingTheAppAgain();
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("erased", nanos.size());
        figures.put("refused", refused);
        nanos.sort(Comparator.naturalOrder());
        if (!nanos.isEmpty()) {
            figures.put("answerP50Millis", nanos.get(nanos.size() / 2) / 1e6);
            figures.put("answerP99Millis", nanos.get((int) (nanos.size() * 0.99)) / 1e6);
        }
        figures.put("everyAccountDeletedAfterSeconds", seconds(started));
        report.put("erasure", figures);
    }

    private static boolean accountExists(LDAPConnection ldap, String workerId) {
        try {
            return ldap.getEntry("uid=" + workerId + ",ou=people," + Slapd.BASE, "1.1") != null;
        } catch (com.unboundid.ldap.sdk.LDAPException e) {
            throw new IllegalStateException("Cannot read slapd", e);
        }
    }

    /**
     * The dates of each worker's moves, leaves and terminations since its latest hire or rehire: a move dated on one of
     * them falls inside the employment, before whatever came after it.
     */
    private static Map<String, List<LocalDate>> changeDatesOfTheLatestEmployment(Population population) {
        Map<String, List<LocalDate>> dates = new HashMap<>();
        for (Population.Dated dated : population.year()) {
            String type = dated.event().path("type").asText();
            if (type.equals("HIRE") || type.equals("REHIRE")) {
                dates.put(dated.workerId(), new ArrayList<>());
            } else {
                dates.computeIfAbsent(dated.workerId(), worker -> new ArrayList<>()).add(dated.date());
            }
        }
        return dates;
    }

    /** Adds the workers' history lengths and the latency percentiles of the samples to {@code figures}. */
    private static Map<String, Object> latencyOfLongestHistories(Map<String, Object> figures, Map<String, Integer> historyLength,
                                                                 List<String> longest, List<Long> nanos) {
        nanos.sort(Comparator.naturalOrder());
        figures.put("workers", longest.size());
        figures.put("hrEventsPerWorkerFrom", historyLength.get(longest.get(longest.size() - 1)) + 1);
        figures.put("hrEventsPerWorkerTo", historyLength.get(longest.get(0)) + 1);
        figures.put("p50Millis", nanos.get(nanos.size() / 2) / 1e6);
        figures.put("p99Millis", nanos.get((int) (nanos.size() * 0.99)) / 1e6);
        return figures;
    }

    private static Map<String, Integer> historyLengths(Population population) {
        Map<String, Integer> historyLength = new HashMap<>();
        population.year().forEach(dated -> historyLength.merge(dated.workerId(), 1, Integer::sum));
        return historyLength;
    }

    private static List<String> longestHistories(Map<String, Integer> historyLength) {
        return historyLength.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(50).map(Map.Entry::getKey).toList();
    }

    private void rawLimits(Slapd slapd) throws Exception {
        double ldap;
        double members;
        double removals;
        try (LDAPConnection connection = slapd.connect()) {
            ldap = RawLimits.ldapAddsPerSecond(connection, Slapd.BASE, Math.min(workers, 20_000));
            members = RawLimits.ldapMemberAddsPerSecond(connection, Slapd.BASE, workers, 1_000);
            removals = RawLimits.ldapMemberRemovalsPerSecond(connection, Slapd.BASE, workers, 1_000);
        }
        double jdbc = RawLimits.jdbcInsertsPerSecond(Files.createDirectories(workDir.resolve("raw-h2")), Math.min(workers, 20_000));
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("ldapEntriesAddedPerSecond", ldap);
        raw.put("ldapMembersAddedPerSecondToAGroupOfEveryWorker", members);
        raw.put("ldapMembersRemovedPerSecondFromAGroupOfEveryWorker", removals);
        raw.put("h2JdbcInsertsPerSecond", jdbc);
        report.put("rawLimits", raw);
        report.put("ratios", Map.of(
                "accountsProvisionedToRawLdapAdds", report.number("/bulkLoad/accountsPerSecond") / ldap,
                "hrEventsAcceptedToRawJdbcInserts", report.number("/bulkLoad/hrEventsAcceptedPerSecond") / jdbc));
    }

    /** Posts in batches of 1,000 and returns how many events were not accepted (the first few are shown). */
    private int postAll(AppUnderTest app, List<ObjectNode> events) {
        int rejected = 0;
        for (int from = 0; from < events.size(); from += 1000) {
            List<ObjectNode> batch = events.subList(from, Math.min(from + 1000, events.size()));
            JsonNode answer = app.post("/api/v1/hr-events", "{\"events\":" + batch + "}");
            if (!answer.has("results")) {
                throw new IllegalStateException("The batch was refused: " + answer);
            }
            for (JsonNode result : answer.get("results")) {
                if (!"ACCEPTED".equals(result.path("outcome").asText()) && ++rejected <= 5) {
                    progress("not accepted: %s", result);
                }
            }
        }
        return rejected;
    }

    /** Counts slapd's accounts until every worker has one, then waits for the targets; returns how many counts it made. */
    private int awaitProvisioned(AppUnderTest app, LDAPConnection ldap, int accounts) throws Exception {
        long lastReport = System.nanoTime();
        for (int searches = 1; ; searches++) {
            int count = ldap.search("ou=people," + Slapd.BASE, SearchScope.ONE, "(objectClass=inetOrgPerson)", "1.1").getEntryCount();
            if (count >= accounts) {
                awaitTargetsCaughtUp(app);
                return searches;
            }
            if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(30)) {
                progress("%,d of %,d accounts in LDAP", count, accounts);
                lastReport = System.nanoTime();
            }
            Pause.beforeCountingAgain();
        }
    }

    /**
     * Until every decision has been made and carried out: the access-decisions processor has read up to the head, every
     * target too, and no event was appended meanwhile (provisioning records each outcome as an event).
     */
    private void awaitTargetsCaughtUp(AppUnderTest app) {
        long lastReport = System.nanoTime();
        while (!targetsCaughtUp(app)) {
            if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(30)) {
                for (JsonNode target : app.get("/api/v1/targets", true)) {
                    progress("provisioning into %s: its slowest segment is %,d events behind the head of the stream",
                            target.path("name").asText(), target.path("eventsBehind").asLong());
                }
                lastReport = System.nanoTime();
            }
            Pause.beforeAskingTheAppAgain();
        }
    }

    private static boolean targetsCaughtUp(AppUnderTest app) {
        JsonNode decisions = app.get("/api/v1/admin/replay/access-decisions", true);
        return decisions.path("caughtUp").asBoolean()
                && app.get("/api/v1/targets", true).findValuesAsText("caughtUp").stream().allMatch("true"::equals)
                && app.get("/api/v1/admin/replay/access-decisions", true).path("head").asLong() == decisions.path("head").asLong();
    }

    private static Map<String, Object> latency(Scrape before, Scrape after, String histogram) {
        var b = before.buckets(histogram, "target=\"corp-ldap\"");
        var a = after.buckets(histogram, "target=\"corp-ldap\"");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("count", a.isEmpty() ? 0 : a.lastEntry().getValue() - b.getOrDefault(a.lastKey(), 0.0));
        for (double q : new double[]{0.5, 0.95, 0.99}) {
            figures.put("p" + (int) (q * 100), Scrape.quantile(q, b, a));
        }
        double maximum = Scrape.maximumBound(b, a);
        if (Double.isInfinite(maximum)) {
            // Beyond the histogram's last bucket: the quantiles there read as that bucket's bound, like Prometheus's.
            figures.put("maxAbove", a.headMap(Double.POSITIVE_INFINITY).lastKey());
        } else {
            figures.put("maxAtMost", maximum);
        }
        return figures;
    }

    private static double delta(Scrape before, Scrape after, String counter, String labels) {
        return after.sum(counter, labels) - before.sum(counter, labels);
    }

    private List<String> jvmOptions() {
        return profile ? List.of("-XX:StartFlightRecording=settings=profile,filename=" + recordingOfThisPart().toAbsolutePath()) : List.of();
    }

    /** A resumed part records into a file of its own, so the recording of the parts before it is kept. */
    private Path recordingOfThisPart() {
        return workDir.resolve("app-part-" + report.part() + ".jfr");
    }

    private static List<String> targetArguments(Slapd slapd) {
        String target = "--accessledger.targets.corp-ldap.";
        return List.of(target + "type=ldap", target + "url=" + slapd.url(), target + "bind-dn=" + Slapd.ADMIN_DN,
                target + "bind-password=" + Slapd.ADMIN_PASSWORD, target + "people-base=ou=people," + Slapd.BASE,
                target + "group-dn-template=cn={application}-{entitlement},ou=groups," + Slapd.BASE,
                // A year of a large workforce's leavers is no accident: the safeguard would hold it. Runs on demand only.
                target + "safeguard.max-deprovisions=1000000000", target + "safeguard.max-percent=100", target + "reconciliation.schedule=-",
                "--accessledger.provisioning.redelivery-interval=PT5S",
                // The synthetic history goes back to 2017, far past the default limit on back-dating.
                "--accessledger.hr.max-backdating=5000d");
    }

    private void progress(String format, Object... arguments) {
        System.out.printf("[%7.1f s] %s%n", seconds(runStarted), String.format(format, arguments));
    }

    private static long mebibytes(Path file) throws IOException {
        return Files.size(file) / (1024 * 1024);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void deleteRecursively(Path directory) throws Exception {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
