package org.accessledger.identity.worker.command;

import org.accessledger.api.WorkerScoped;
import org.accessledger.api.worker.WorkerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;

/**
 * Erase the personal data of a worker terminated at least {@code retention} ago; asked by {@code requestedBy}.
 * Answers the {@link org.accessledger.api.worker.PersonalDataErased} recorded.
 */
public record ErasePersonalData(@TargetAggregateIdentifier WorkerId workerId, Duration retention, String requestedBy) implements WorkerScoped {
}
