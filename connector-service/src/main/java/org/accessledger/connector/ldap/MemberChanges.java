package org.accessledger.connector.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Adds and removes group members, sending the changes that threads make to one group at the same time as one modify
 * request. OpenLDAP reads and rewrites a static group's entry on every modify, so for the groups the whole population
 * joins (mail, chat) each modify costs time in proportion to the members: 16 ms at 100,000 members, where one modify
 * carrying ten members costs 20 ms.
 * <p>
 * Each caller sees what its own modify would have given: when the combined request fails (a value already there or
 * already gone, the group missing or about to lose its last member), every change in it is sent again on its own.
 * <p>
 * Callers that change the same groups in the same order (every leaver leaves mail, VPN and chat; every joiner joins
 * them) fall into step, each a request behind the one before it, and never meet at a group to share a request. Two
 * things bring them together: a member leaving several groups queues its change in all of them before sending any, and
 * a lone change to a group whose last request was slow waits as long for others to join it, while other callers are at
 * work. Once met, callers leave a group together and arrive together at the next.
 */
final class MemberChanges {

    /** Keeps a combined request well below slapd's default limit of 4 MB per incoming request. */
    private static final int MAX_MEMBERS_PER_REQUEST = 1_000;
    private static final long MIN_LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final LDAPInterface ldap;
    private final ConcurrentMap<Key, Waiting> waitingByGroup = new ConcurrentHashMap<>();
    private final AtomicInteger callers = new AtomicInteger();
    private final long maxLingerNanos;

    MemberChanges(LDAPInterface ldap) {
        this(ldap, Duration.ofMillis(50));
    }

    /** @param maxLinger the longest a lone change waits for others to join it */
    MemberChanges(LDAPInterface ldap, Duration maxLinger) {
        this.ldap = ldap;
        this.maxLingerNanos = maxLinger.toNanos();
    }

    void add(String group, String member) throws LDAPException {
        change(new Key(group, ModificationType.ADD), member);
    }

    void remove(String group, String member) throws LDAPException {
        change(new Key(group, ModificationType.DELETE), member);
    }

    /** Removes {@code member} from each group; the failures by group, empty when it left them all. */
    Map<String, LDAPException> removeFromEach(Collection<String> groups, String member) {
        callers.incrementAndGet();
        try {
            Map<String, Change> changes = new LinkedHashMap<>();
            for (String group : groups) {
                changes.put(group, queue(new Key(group, ModificationType.DELETE), member));
            }
            Map<String, LDAPException> failures = new LinkedHashMap<>();
            changes.forEach((group, change) -> {
                awaitSent(new Key(group, ModificationType.DELETE), change);
                if (change.failure != null) {
                    failures.put(group, change.failure);
                }
            });
            return failures;
        } finally {
            callers.decrementAndGet();
        }
    }

    private void change(Key key, String member) throws LDAPException {
        callers.incrementAndGet();
        try {
            Change change = queue(key, member);
            awaitSent(key, change);
            if (change.failure != null) {
                throw change.failure;
            }
        } finally {
            callers.decrementAndGet();
        }
    }

    private Change queue(Key key, String member) {
        Change change = new Change(member);
        waitingByGroup.computeIfAbsent(key, ignored -> new Waiting()).changes.add(change);
        return change;
    }

    /** Whoever holds the group's lock sends everything queued for the group, possibly this change too. */
    private void awaitSent(Key key, Change change) {
        Waiting waiting = waitingByGroup.get(key);
        waiting.lock.lock();
        try {
            while (!change.sent) {
                waiting.letOthersJoin(callers.get() > 1, maxLingerNanos);
                long started = System.nanoTime();
                send(key, waiting.take());
                waiting.lastRequestNanos = System.nanoTime() - started;
            }
        } finally {
            waiting.lock.unlock();
        }
    }

    private void send(Key key, List<Change> changes) {
        if (changes.size() > 1) {
            try {
                ldap.modify(key.group(), new Modification(key.type(), "member", changes.stream().map(Change::member).toArray(String[]::new)));
                changes.forEach(change -> change.sent = true);
                return;
            } catch (LDAPException oneOfThemFailed) {
                // Sent one by one below, so that each caller gets its own outcome.
            }
        }
        for (Change change : changes) {
            try {
                ldap.modify(key.group(), new Modification(key.type(), "member", change.member()));
            } catch (LDAPException e) {
                change.failure = e;
            }
            change.sent = true;
        }
    }

    private record Key(String group, ModificationType type) {
    }

    /** A member change; its fields are written and read under the group's lock. */
    private static final class Change {
        private final String member;
        private boolean sent;
        private LDAPException failure;

        Change(String member) {
            this.member = member;
        }

        String member() {
            return member;
        }
    }

    private static final class Waiting {
        private final ReentrantLock lock = new ReentrantLock();
        private final Queue<Change> changes = new ConcurrentLinkedQueue<>();
        private volatile long lastRequestNanos;

        /** A lone change waits as long as the group's last request took (at most {@code maxLingerNanos}), if others are at work. */
        void letOthersJoin(boolean othersAtWork, long maxLingerNanos) {
            long linger = Math.min(lastRequestNanos, maxLingerNanos);
            if (othersAtWork && linger >= MIN_LINGER_NANOS && changes.size() == 1) {
                LockSupport.parkNanos(linger);
            }
        }

        List<Change> take() {
            List<Change> taken = new ArrayList<>();
            Change next;
            while (taken.size() < MAX_MEMBERS_PER_REQUEST && (next = changes.poll()) != null) {
                taken.add(next);
            }
            return taken;
        }
    }
}
