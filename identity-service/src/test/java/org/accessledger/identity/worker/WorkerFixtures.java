package org.accessledger.identity.worker;

import org.accessledger.api.worker.WorkerId;
import org.accessledger.platform.time.MutableClock;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A {@link Worker} test fixture with a settable clock, an identity registry backed by maps and the default back-dating limit. */
final class WorkerFixtures {

    private WorkerFixtures() {
    }

    static AggregateTestFixture<Worker> fixture(MutableClock clock, Map<String, WorkerId> emails, Map<String, WorkerId> foldedIds) {
        AggregateTestFixture<Worker> fixture = new AggregateTestFixture<>(Worker.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new BackdatingLimit(Duration.ofDays(90)));
        fixture.registerInjectableResource(new IdentityRegistry() {
            @Override
            public Optional<WorkerId> holderOf(String email) {
                return Optional.ofNullable(emails.get(email));
            }

            @Override
            public Optional<WorkerId> holderOfIdIgnoringCase(WorkerId id) {
                return Optional.ofNullable(foldedIds.get(IdentityRegistry.folded(id)));
            }
        });
        fixture.registerCommandHandlerInterceptor(new WorkerNotFoundInterceptor());
        return fixture;
    }
}
