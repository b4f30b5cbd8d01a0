package org.accessledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.accessledger.platform.time.MutableClock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.*;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.accessledger.standalone.HrEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Invariants of the effective timeline, over random HR histories each sent in several arrival orders (in effective
 * order, as generated, shuffled) to the running application: for every instant the worker view and the access as of
 * then agree, and the access is exactly what the policy gives the worker's state then (never a terminated worker's,
 * never two departments' at once); the access as of now is the current access; the same accepted events in any
 * order give the same timeline and the same current access; a replay rebuilds the same read models. All changes are
 * dated in the past (so each takes effect as it arrives); some histories end with a correction or rescind of one of
 * their changes, sent last in every order. Orders are compared only where each accepted the same events (a leave end
 * sent before its leave start is refused, not re-folded).
 */
class RetroactiveTimelinePropertiesTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final LocalDate HIRED = LocalDate.of(2026, 1, 5);
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Map<String, Set<String>> DEPARTMENT_ACCESS = Map.of("Sales", Set.of("crm:rep"),
            "Finance", Set.of("erp:user", "payroll:viewer"), "Engineering", Set.of("git:developer"));
    static final AtomicInteger workers = new AtomicInteger();
    static final List<String> checkedWorkers = Collections.synchronizedList(new ArrayList<>());
    static final ExecutorService CHECKS = Executors.newFixedThreadPool(4);
    static Path dataDir;
    static RunningApp app;

    /** One HR change of the generated history: its type, day after the hire it takes effect on, and department for a move. */
    record Change(String type, int day, String department) {

        LocalDate date() {
            return HIRED.plusDays(day);
        }

        String json(String hrEventId, String workerId) {
            return switch (type) {
                case "ASSIGNMENT_CHANGE" -> move(hrEventId, workerId, date().toString(), department);
                case "TERMINATION" -> terminate(hrEventId, workerId, date().toString());
                default -> dated(type, hrEventId, workerId, date().toString());
            };
        }
    }

    /**
     * A correction (to {@code newDay}) or rescind of the change at {@code target}, sent after all the changes in every
     * order; or none.
     */
    record Edit(String type, int target, int newDay) {

        String json(String hrEventId, String workerId, String targetHrEventId) {
            return type.equals("RESCIND")
                    ? "{\"hrEventId\":\"%s\",\"type\":\"RESCIND\",\"workerId\":\"%s\",\"rescindsHrEventId\":\"%s\"}".formatted(hrEventId, workerId, targetHrEventId)
                    : "{\"hrEventId\":\"%s\",\"type\":\"CORRECTION\",\"workerId\":\"%s\",\"correctsHrEventId\":\"%s\",\"effectiveDate\":\"%s\"}"
                    .formatted(hrEventId, workerId, targetHrEventId, HIRED.plusDays(newDay));
        }
    }

    record History(List<Change> changes, long shuffleSeed, Edit edit) {
    }

    @BeforeContainer
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("accessledger-properties");
        app = RunningApp.start(dataDir, new MutableClock(NOW), "--accessledger.hr.max-backdating=400d");
        await().until(() -> app.asAuditor("/api/v1/policy").status() == 200);
        app.publishPolicy("/policy/retroactive-policy.yaml");
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<String> types = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just("ASSIGNMENT_CHANGE")),
                Tuple.of(2, Arbitraries.just("LEAVE_START")),
                Tuple.of(2, Arbitraries.just("LEAVE_END")),
                Tuple.of(1, Arbitraries.just("TERMINATION")));
        Arbitrary<List<Integer>> days = Arbitraries.integers().between(1, 330).list().uniqueElements().ofMinSize(2).ofMaxSize(6);
        return days.flatMap(dayList -> types.list().ofSize(dayList.size()).flatMap(typeList ->
                Arbitraries.of("Sales", "Finance", "Engineering").list().ofSize(dayList.size()).flatMap(departments ->
                        Combinators.combine(Arbitraries.longs(), edits(dayList.size())).as((seed, edit) -> {
                            List<Change> changes = new ArrayList<>();
                            boolean terminated = false;
                            for (int i = 0; i < dayList.size(); i++) {
                                String type = typeList.get(i).equals("TERMINATION") && terminated ? "ASSIGNMENT_CHANGE" : typeList.get(i);
                                terminated |= type.equals("TERMINATION");
                                changes.add(new Change(type, dayList.get(i), departments.get(i)));
                            }
                            return new History(changes, seed, edit.orElse(null));
                        }))));
    }

    Arbitrary<Optional<Edit>> edits(int changes) {
        return Combinators.combine(Arbitraries.of("RESCIND", "CORRECTION"), Arbitraries.integers().between(0, changes - 1),
                        Arbitraries.integers().between(1, 330))
                .as(Edit::new).optional(0.4);
    }

    /** Each try sends five histories, each in three orders, in one batch: fifteen workers whose views are checked in parallel. */
    @Property(tries = 30, shrinking = ShrinkingMode.OFF)
    void everyArrivalOrderTellsOneStory(@ForAll("fiveHistories") List<History> histories) {
        List<String> events = new ArrayList<>();
        List<List<String>> workersOfHistory = new ArrayList<>();
        for (History history : histories) {
            workersOfHistory.add(addInThreeOrders(history, events));
        }
        RunningApp.Response response = app.postHrEvents(batch(events.toArray(String[]::new)));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        Map<String, Set<String>> accepted = new HashMap<>();
        long position = 0;
        for (JsonNode result : response.body().get("results")) {
            if (result.get("outcome").asText().equals("ACCEPTED")) {
                String hrEventId = result.get("hrEventId").asText();
                accepted.computeIfAbsent(result.get("workerId").asText(), worker -> new TreeSet<>()).add(hrEventId.substring(hrEventId.indexOf('-') + 1));
                position = Math.max(position, result.get("position").asLong());
            }
        }
        long stored = position;
        List<CompletableFuture<Void>> checks = new ArrayList<>();
        for (int i = 0; i < histories.size(); i++) {
            History history = histories.get(i);
            List<String> ids = workersOfHistory.get(i);
            checks.add(CompletableFuture.runAsync(() -> checkOneStory(history, ids, accepted, stored), CHECKS));
        }
        checks.forEach(CompletableFuture::join);
    }

    @Provide
    Arbitrary<List<History>> fiveHistories() {
        return histories().list().ofSize(5);
    }

    /** Adds the hire and the changes of {@code history} for three workers: in effective order, as generated, shuffled. */
    static List<String> addInThreeOrders(History history, List<String> events) {
        List<List<Change>> orders = new ArrayList<>();
        orders.add(history.changes().stream().sorted(Comparator.comparingInt(Change::day)).toList());
        orders.add(history.changes());
        List<Change> shuffled = new ArrayList<>(history.changes());
        Collections.shuffle(shuffled, new Random(history.shuffleSeed()));
        orders.add(shuffled);
        List<String> ids = new ArrayList<>();
        for (List<Change> order : orders) {
            String workerId = "P" + workers.incrementAndGet();
            ids.add(workerId);
            events.add(hireInto(workerId + "-hire", workerId, HIRED.toString(), "Sales", "REP", "CC-1"));
            for (Change change : order) {
                events.add(change.json(workerId + "-" + history.changes().indexOf(change), workerId));
            }
            if (history.edit() != null) {
                events.add(history.edit().json(workerId + "-edit", workerId, workerId + "-" + history.edit().target()));
            }
        }
        return ids;
    }

    static void checkOneStory(History history, List<String> ids, Map<String, Set<String>> accepted, long position) {
        List<Instant> probes = probes(history);
        Map<String, List<String>> timelines = new HashMap<>();
        Map<String, Set<String>> current = new HashMap<>();
        for (String workerId : ids) {
            checkedWorkers.add(workerId);
            JsonNode view = app.asAuditor("/api/v1/workers/" + workerId + "?minPosition=" + position).body();
            Set<String> now = items(app.asAuditor("/api/v1/workers/" + workerId + "/access?minPosition=" + position).body());
            List<String> timeline = new ArrayList<>();
            for (Instant probe : probes) {
                JsonNode state = app.asAuditor("/api/v1/workers/" + workerId + "?asOf=" + probe).body();
                JsonNode access = app.asAuditor("/api/v1/workers/" + workerId + "/access?asOf=" + probe).body();
                String status = state.get("status").asText();
                String department = state.at("/assignment/department").asText();
                String where = workerId + " at " + probe + " of " + history;
                assertThat(access.get("workerStatus").asText()).as("status of " + where).isEqualTo(status);
                assertThat(access.at("/assignment/department").asText()).as("department of " + where).isEqualTo(department);
                assertThat(items(access)).as("access of " + where + " as " + status + " in " + department).isEqualTo(justified(status, department));
                timeline.add(status + " " + department);
            }
            assertThat(items(app.asAuditor("/api/v1/workers/" + workerId + "/access?asOf=" + NOW).body())).as(workerId + " as of now").isEqualTo(now);
            assertThat(view.get("status").asText() + " " + view.at("/assignment/department").asText()).as(workerId + " view")
                    .isEqualTo(timeline.get(timeline.size() - 1));
            timelines.put(workerId, timeline);
            current.put(workerId, now);
        }
        for (String other : ids.subList(1, ids.size())) {
            if (accepted.get(other).equals(accepted.get(ids.get(0)))) {
                assertThat(timelines.get(other)).as(other + " against " + ids.get(0) + " " + history).isEqualTo(timelines.get(ids.get(0)));
                assertThat(current.get(other)).as(other + " current access").isEqualTo(current.get(ids.get(0)));
            }
        }
    }

    @Property(tries = 1)
    void replayRebuildsTheSameReadModels() {
        if (checkedWorkers.isEmpty()) {
            everyArrivalOrderTellsOneStory(List.of(new History(List.of(new Change("ASSIGNMENT_CHANGE", 100, "Finance"),
                    new Change("ASSIGNMENT_CHANGE", 50, "Engineering")), 1, null)));
        }
        Map<String, String> before = readModels();
        for (String projection : List.of("worker-view", "access-current")) {
            assertThat(app.send("POST", "/api/v1/admin/replay/" + projection, "application/json", "").status()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(readModels()).isEqualTo(before));
    }

    static Map<String, String> readModels() {
        Map<String, String> models = new TreeMap<>();
        for (String workerId : List.copyOf(checkedWorkers)) {
            RunningApp.Response worker = app.asAuditor("/api/v1/workers/" + workerId);
            RunningApp.Response access = app.asAuditor("/api/v1/workers/" + workerId + "/access");
            if (access.status() == 200) {
                ((ObjectNode) access.body()).remove("asOf");
            }
            models.put(workerId, worker.status() + " " + worker.body() + " " + access.status() + " " + access.body());
        }
        return models;
    }

    /** An hour before and after every change's instant, an hour after the hire, and now. */
    static List<Instant> probes(History history) {
        TreeSet<Instant> probes = new TreeSet<>();
        probes.add(HIRED.atStartOfDay(LONDON).toInstant().plus(Duration.ofHours(1)));
        List<Change> changes = new ArrayList<>(history.changes());
        if (history.edit() != null && history.edit().type().equals("CORRECTION")) {
            Change corrected = history.changes().get(history.edit().target());
            changes.add(new Change(corrected.type(), history.edit().newDay(), corrected.department()));
        }
        for (Change change : changes) {
            Instant at = change.type().equals("TERMINATION") ? change.date().plusDays(1).atStartOfDay(LONDON).toInstant() : change.date().atStartOfDay(LONDON).toInstant();
            probes.add(at.minus(Duration.ofHours(1)));
            probes.add(at.plus(Duration.ofHours(1)));
        }
        probes.add(NOW);
        return List.copyOf(probes);
    }

    static Set<String> justified(String status, String department) {
        if (!status.equals("ACTIVE") && !status.equals("ON_LEAVE")) {
            return Set.of();
        }
        Set<String> access = new TreeSet<>(DEPARTMENT_ACCESS.get(department));
        access.add("vpn:user");
        return access;
    }

    static Set<String> items(JsonNode view) {
        Set<String> items = new TreeSet<>();
        view.path("items").forEach(item -> items.add(item.get("entitlement").asText() + (item.get("status").asText().equals("GRANTED") ? "" : "/" + item.get("status").asText())));
        return items;
    }
}
