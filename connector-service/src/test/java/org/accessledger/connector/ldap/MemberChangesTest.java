package org.accessledger.connector.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How member changes are grouped into requests, seen by an in-memory directory that holds the first modify until the
 * other callers queue behind it (the connector's behaviour against slapd is tested in {@link LdapConnectorTest}).
 */
@Timeout(30)
class MemberChangesTest {

    private static final String GROUP = "cn=everyone,dc=example,dc=org";
    private static final String SECOND = "cn=chat,dc=example,dc=org";
    private static final String HELD = "cn=held,dc=example,dc=org";

    private final AtomicInteger modifies = new AtomicInteger();
    private final CountDownLatch othersQueued = new CountDownLatch(1);
    private final CountDownLatch heldReleased = new CountDownLatch(1);
    private final List<String> modifiedGroups = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private InMemoryDirectoryServer directory;
    private MemberChanges members;

    @BeforeEach
    void start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=org");
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processModifyRequest(InMemoryInterceptedModifyRequest request) {
                modifiedGroups.add(request.getRequest().getDN());
                if (modifies.incrementAndGet() == 1) {
                    awaitQuietly(othersQueued);
                }
                if (request.getRequest().getDN().equals(HELD)) {
                    awaitQuietly(heldReleased);
                }
            }
        });
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: dc=example,dc=org", "objectClass: domain", "dc: example");
        directory.add("dn: " + GROUP, "objectClass: groupOfNames", "cn: everyone", "member: uid=existing");
        directory.add("dn: " + SECOND, "objectClass: groupOfNames", "cn: chat", "member: uid=existing");
        directory.startListening();
        members = new MemberChanges(directory.getConnectionPool(8));
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        directory.shutDown(true);
    }

    @Test
    void changesQueuedWhileARequestIsOutGoAsOneRequest() throws Exception {
        Future<?> first = addAll("uid=first").get(0);
        awaitModifies(1);
        List<Future<?>> queued = addAll("uid=a", "uid=b", "uid=c", "uid=d", "uid=e");
        awaitQueuedCallers(5);
        othersQueued.countDown();

        first.get(10, TimeUnit.SECONDS);
        for (Future<?> change : queued) {
            change.get(10, TimeUnit.SECONDS);
        }
        assertThat(modifies).hasValue(2);
        assertThat(directory.getEntry(GROUP).getAttributeValues("member"))
                .containsExactlyInAnyOrder("uid=existing", "uid=first", "uid=a", "uid=b", "uid=c", "uid=d", "uid=e");
    }

    @Test
    void whenTheCombinedRequestFailsEachCallerGetsTheOutcomeOfItsOwnChange() throws Exception {
        Future<?> first = addAll("uid=first").get(0);
        awaitModifies(1);
        List<Future<?>> queued = addAll("uid=a", "uid=existing", "uid=b");
        awaitQueuedCallers(3);
        othersQueued.countDown();

        first.get(10, TimeUnit.SECONDS);
        queued.get(0).get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> queued.get(1).get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(LDAPException.class, e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.ATTRIBUTE_OR_VALUE_EXISTS));
        queued.get(2).get(10, TimeUnit.SECONDS);
        assertThat(modifies).as("the first, the combined one, then one per member").hasValue(5);
        assertThat(directory.getEntry(GROUP).getAttributeValues("member"))
                .containsExactlyInAnyOrder("uid=existing", "uid=first", "uid=a", "uid=b");
    }

    @Test
    void removingAMemberTwiceFailsOnlyTheSecondRemoval() throws Exception {
        othersQueued.countDown();
        for (String member : List.of("uid=a", "uid=b", "uid=c")) {
            members.add(GROUP, member);
        }
        members.remove(GROUP, "uid=b");

        assertThatThrownBy(() -> members.remove(GROUP, "uid=b"))
                .isInstanceOfSatisfying(LDAPException.class, e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.NO_SUCH_ATTRIBUTE));
        assertThat(directory.getEntry(GROUP).getAttributeValues("member")).containsExactlyInAnyOrder("uid=existing", "uid=a", "uid=c");
    }

    @Test
    void membersLeavingTheSameGroupsShareARequestInsteadOfFollowingEachOther() throws Exception {
        List<String> groups = List.of("cn=mail,dc=example,dc=org", "cn=vpn,dc=example,dc=org");
        for (String group : groups) {
            directory.add("dn: " + group, "objectClass: groupOfNames", "member: uid=existing", "member: uid=a", "member: uid=b");
        }
        Future<Map<String, LDAPException>> a = threads.submit(() -> members.removeFromEach(groups, "uid=a"));
        awaitModifies(1);
        Future<Map<String, LDAPException>> b = threads.submit(() -> members.removeFromEach(groups, "uid=b"));
        awaitQueuedCallers(1);
        othersQueued.countDown();

        assertThat(a.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(b.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(modifies).as("a from mail; a and b from vpn together; b from mail").hasValue(3);
        for (String group : groups) {
            assertThat(directory.getEntry(group).getAttributeValues("member")).containsExactly("uid=existing");
        }
    }

    @Test
    void leavingSeveralGroupsReportsEachGroupTheMemberWasNotIn() throws Exception {
        othersQueued.countDown();
        members.add(GROUP, "uid=c");

        Map<String, LDAPException> failures = members.removeFromEach(List.of(GROUP, SECOND), "uid=c");

        assertThat(failures).containsOnlyKeys(SECOND);
        assertThat(failures.get(SECOND).getResultCode()).isEqualTo(ResultCode.NO_SUCH_ATTRIBUTE);
        assertThat(directory.getEntry(GROUP).getAttributeValues("member")).containsExactly("uid=existing");
    }

    @Test
    void aLoneChangeToASlowGroupWaitsForCallersAtWorkElsewhereToJoinIt() throws Exception {
        MemberChanges lingering = new MemberChanges(directory.getConnectionPool(8), Duration.ofSeconds(5));
        directory.add("dn: " + HELD, "objectClass: groupOfNames", "member: uid=existing");
        Future<?> first = threads.submit(() -> add(lingering, GROUP, "uid=a"));
        awaitModifies(1);
        Thread.sleep(500);
        othersQueued.countDown();
        first.get(10, TimeUnit.SECONDS);

        Future<?> atWorkElsewhere = threads.submit(() -> add(lingering, HELD, "uid=b"));
        awaitModifies(2);
        Future<?> lone = threads.submit(() -> add(lingering, GROUP, "uid=c"));
        awaitThreadsIn("letOthersJoin", 1);
        Future<?> joining = threads.submit(() -> add(lingering, GROUP, "uid=d"));
        lone.get(10, TimeUnit.SECONDS);
        joining.get(10, TimeUnit.SECONDS);
        heldReleased.countDown();
        atWorkElsewhere.get(10, TimeUnit.SECONDS);

        assertThat(modifiedGroups.stream().filter(GROUP::equals)).as("a, which took half a second; then c and d together").hasSize(2);
        assertThat(directory.getEntry(GROUP).getAttributeValues("member")).containsExactlyInAnyOrder("uid=existing", "uid=a", "uid=c", "uid=d");
    }

    private static Void add(MemberChanges members, String group, String member) throws LDAPException {
        members.add(group, member);
        return null;
    }

    /** Starts one thread per member. */
    private List<Future<?>> addAll(String... memberDns) throws InterruptedException {
        List<Future<?>> futures = new ArrayList<>();
        for (String member : memberDns) {
            futures.add(threads.submit(() -> {
                members.add(GROUP, member);
                return null;
            }));
        }
        return futures;
    }

    /** Returns once that many callers wait for the group's lock: a caller queues its change before it takes the lock. */
    private static void awaitQueuedCallers(int count) throws InterruptedException {
        while (Thread.getAllStackTraces().values().stream().filter(MemberChangesTest::waitsForTheGroupLock).count() < count) {
            Thread.sleep(10);
        }
    }

    private static void awaitThreadsIn(String memberChangesMethod, int count) throws InterruptedException {
        while (Thread.getAllStackTraces().values().stream().filter(stack -> Arrays.stream(stack).anyMatch(frame ->
                frame.getClassName().startsWith(MemberChanges.class.getName()) && frame.getMethodName().equals(memberChangesMethod))).count() < count) {
            Thread.sleep(10);
        }
    }

    private static boolean waitsForTheGroupLock(StackTraceElement[] stack) {
        for (int i = 0; i + 1 < stack.length; i++) {
            if (stack[i].getClassName().equals(ReentrantLock.class.getName()) && stack[i].getMethodName().equals("lock")
                    && stack[i + 1].getClassName().equals(MemberChanges.class.getName())) {
                return true;
            }
        }
        return false;
    }

    private void awaitModifies(int count) throws InterruptedException {
        while (modifies.get() < count) {
            Thread.sleep(10);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
