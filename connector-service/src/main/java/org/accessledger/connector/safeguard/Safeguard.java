package org.accessledger.connector.safeguard;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.accessledger.connector.safeguard.SafeguardEvents.SafeguardReleased;
import org.accessledger.connector.safeguard.SafeguardEvents.SafeguardTripped;
import org.accessledger.connector.targets.SafeguardSettings;
import org.accessledger.connector.targets.Target;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Counts the deprovisioning operations sent to each target over a sliding window (per-minute buckets in the read-model
 * store, so every instance counts the same operations) and trips when the next would pass the target's limit. Once
 * tripped, deprovisioning is held per worker until an ADMIN releases it; grants keep flowing. Within one instance
 * the count is exact; instances deciding at the same moment may each send one more.
 */
public class Safeguard {

    public static final String ARMED = "ARMED";
    public static final String TRIPPED = "TRIPPED";

    /** {@code held}: workers whose deprovisioning waits; {@code since}: when it tripped. */
    public record State(String state, long held, Instant since) {
    }

    private final MongoCollection<Document> window;
    private final MongoCollection<Document> states;
    private final MongoCollection<Document> held;
    private final Consumer<Object> commands;
    private final Clock clock;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, Long> prunedAt = new ConcurrentHashMap<>();

    /** {@code commands}: sends a command and waits for it to be handled. */
    public Safeguard(MongoDatabase database, Consumer<Object> commands, Clock clock) {
        this.window = database.getCollection("safeguard_window");
        this.states = database.getCollection("safeguard_state");
        this.held = database.getCollection("safeguard_held");
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * Whether one more deprovisioning operation for {@code workerId} may go to the target now; when not, the worker is
     * held (and the safeguard trips, if this is the operation that passed the limit).
     */
    public boolean admit(Target target, String workerId) {
        SafeguardSettings settings = target.settings().safeguard();
        synchronized (locks.computeIfAbsent(target.name(), name -> new Object())) {
            Document state = states.find(Filters.eq("_id", target.name())).first();
            if (state != null && TRIPPED.equals(state.getString("state"))) {
                hold(target.name(), workerId);
                return false;
            }
            long minute = clock.millis() / 60_000;
            long counted = counted(target.name(), minute - settings.window().toMinutes() + 1, minute);
            int limit = settings.limit(state == null ? 0 : state.get("accounts", 0L));
            if (counted + 1 > limit) {
                trip(target, counted + 1, limit);
                hold(target.name(), workerId);
                return false;
            }
            window.updateOne(Filters.eq("_id", target.name() + "|" + minute),
                    Updates.combine(Updates.inc("count", 1L), Updates.setOnInsert("target", target.name()), Updates.setOnInsert("minute", minute)),
                    new UpdateOptions().upsert(true));
            return true;
        }
    }

    public State state(String target) {
        Document state = states.find(Filters.eq("_id", target)).first();
        boolean tripped = state != null && TRIPPED.equals(state.getString("state"));
        return new State(tripped ? TRIPPED : ARMED, held.countDocuments(Filters.eq("target", target)),
                tripped ? state.getDate("since").toInstant() : null);
    }

    /** The workers whose deprovisioning in the target is held. */
    public List<String> heldWorkers(String target) {
        List<String> workers = new ArrayList<>();
        held.find(Filters.eq("target", target)).forEach(document -> workers.add(document.getString("workerId")));
        return workers;
    }

    /** Re-arms the target with an empty window; the caller then sends what is held and {@link #forget}s each worker. */
    public void release(String target, String releasedBy, String reason) {
        long holding = held.countDocuments(Filters.eq("target", target));
        synchronized (locks.computeIfAbsent(target, name -> new Object())) {
            window.deleteMany(Filters.eq("target", target));
            states.updateOne(Filters.eq("_id", target), Updates.combine(Updates.set("state", ARMED), Updates.unset("since")), new UpdateOptions().upsert(true));
        }
        commands.accept(new TargetSafeguard.Release(TargetSafeguard.idOf(target),
                new SafeguardReleased(target, releasedBy, reason, holding, clock.instant())));
    }

    public void forget(String target, String workerId) {
        held.deleteOne(Filters.eq("_id", target + "|" + workerId));
    }

    /** The accounts a reconciliation read, the base of {@code max-percent}. */
    public void recordAccounts(String target, long accounts) {
        states.updateOne(Filters.eq("_id", target), Updates.set("accounts", accounts), new UpdateOptions().upsert(true));
    }

    /**
     * The operations counted from {@code fromMinute} to {@code toMinute}, read by the buckets' keys (which the embedded
     * store answers from its index, however many buckets there are); once a minute older buckets are dropped.
     */
    private long counted(String target, long fromMinute, long toMinute) {
        List<String> keys = new ArrayList<>();
        for (long minute = fromMinute; minute <= toMinute; minute++) {
            keys.add(target + "|" + minute);
        }
        long counted = 0;
        for (Document bucket : window.find(Filters.in("_id", keys))) {
            counted += bucket.get("count", 0L);
        }
        if (!Long.valueOf(toMinute).equals(prunedAt.put(target, toMinute))) {
            window.deleteMany(Filters.and(Filters.eq("target", target), Filters.lt("minute", fromMinute)));
        }
        return counted;
    }

    private void trip(Target target, long counted, int limit) {
        Instant now = clock.instant();
        states.updateOne(Filters.eq("_id", target.name()), Updates.combine(Updates.set("state", TRIPPED), Updates.set("since", Date.from(now))),
                new UpdateOptions().upsert(true));
        commands.accept(new TargetSafeguard.Trip(TargetSafeguard.idOf(target.name()),
                new SafeguardTripped(target.name(), counted, limit, target.settings().safeguard().window(), now)));
    }

    private void hold(String target, String workerId) {
        held.updateOne(Filters.eq("_id", target + "|" + workerId), Updates.combine(Updates.setOnInsert("target", target),
                Updates.setOnInsert("workerId", workerId), Updates.setOnInsert("since", Date.from(clock.instant())), Updates.inc("operations", 1)),
                new UpdateOptions().upsert(true));
    }
}
