package org.accessledger.connector.provisioning;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.connector.account.Operation;
import org.accessledger.connector.account.RecordOutcome;
import org.accessledger.connector.account.TargetAccounts;
import org.accessledger.connector.spi.ConnectorException;
import org.accessledger.connector.spi.TargetAnswer;
import org.accessledger.connector.targets.Target;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.retry.RetryContext;
import org.springframework.retry.backoff.ExponentialRandomBackOffPolicy;
import org.springframework.retry.policy.SimpleRetryPolicy;
import org.springframework.retry.support.RetryTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Runs one target operation: transient failures retried with exponential back-off and jitter, permanent ones not;
 * every outcome recorded on the worker's TargetAccount and counted; the last failure rethrown, so the processor parks
 * the worker's sequence in the dead-letter queue.
 */
final class ProvisioningOperations {

    private final Target target;
    private final Supplier<CommandGateway> commands;
    private final MeterRegistry meters;
    private final Clock clock;
    private final RetryTemplate retry;
    private final Timer timeToProvision;
    private final Timer timeToRevoke;

    ProvisioningOperations(Target target, Supplier<CommandGateway> commands, MeterRegistry meters, Clock clock) {
        this.target = target;
        this.commands = commands;
        this.meters = meters;
        this.clock = clock;
        this.retry = retryTemplate(target);
        this.timeToProvision = latency("accessledger.time.to.provision", "From an HR event's acceptance (or its effective instant, if later) to the access existing in the target");
        // Registered at zero, so the first refusal is an increase an alert can see.
        meters.counter("accessledger.provisioning.refusals", "target", target.name(), "code", ConnectorException.ACCOUNT_OWNED_BY_OTHER_WORKER);
        this.timeToRevoke = latency("accessledger.time.to.revoke", "From an HR event's acceptance (or its effective instant, if later) to the access being gone from the target");
    }

    /** Runs {@code action} and records the target's answer to it, or the failure. */
    TargetAnswer run(Operation operation, WorkerId workerId, String entitlement, String causeEventId, Supplier<TargetAnswer> action) {
        int[] attempts = {0};
        TargetAnswer answer;
        try {
            answer = retry.execute((RetryContext context) -> {
                attempts[0] = context.getRetryCount() + 1;
                return action.get();
            });
        } catch (ConnectorException e) {
            count(operation, "failure");
            if (e.code() != null) {
                meters.counter("accessledger.provisioning.refusals", "target", target.name(), "code", e.code()).increment();
            }
            commands.get().sendAndWait(new RecordOutcome(TargetAccounts.idOf(target.name(), workerId.value()), target.name(), workerId, operation,
                    entitlement, false, attempts[0], e.getMessage(), e.code(), null, causeEventId, clock.instant()));
            throw e;
        }
        count(operation, "success");
        commands.get().sendAndWait(new RecordOutcome(TargetAccounts.idOf(target.name(), workerId.value()), target.name(), workerId, operation,
                entitlement, true, attempts[0], null, null, answer, causeEventId, clock.instant()));
        return answer;
    }

    void provisioned(Instant since) {
        timeToProvision.record(elapsedSince(since));
    }

    void revoked(Instant since) {
        timeToRevoke.record(elapsedSince(since));
    }

    private Duration elapsedSince(Instant since) {
        Duration elapsed = Duration.between(since, clock.instant());
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    private void count(Operation operation, String outcome) {
        meters.counter("accessledger.provisioning.operations", "target", target.name(),
                "operation", operation.name().toLowerCase(Locale.ROOT), "outcome", outcome).increment();
    }

    private Timer latency(String name, String description) {
        return Timer.builder(name).description(description).tag("target", target.name())
                // Buckets up to an hour, not Micrometer's default 30 s: a backlog after an outage or a bulk load must show.
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofHours(1)).register(meters);
    }

    private static RetryTemplate retryTemplate(Target target) {
        var settings = target.settings().retry();
        RetryTemplate template = new RetryTemplate();
        template.setRetryPolicy(new SimpleRetryPolicy(settings.maxAttempts()) {
            @Override
            public boolean canRetry(RetryContext context) {
                Throwable last = context.getLastThrowable();
                boolean transientFailure = last == null || (last instanceof ConnectorException failure && failure.isTransient());
                return transientFailure && super.canRetry(context);
            }
        });
        ExponentialRandomBackOffPolicy backOff = new ExponentialRandomBackOffPolicy();
        backOff.setInitialInterval(settings.initialBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(settings.maxBackoff().toMillis());
        template.setBackOffPolicy(backOff);
        template.setThrowLastExceptionOnExhausted(true);
        return template;
    }
}
