package org.accessledger.api.error;

/**
 * The machine-readable part of a refusal. It travels as the details of a
 * {@link org.axonframework.commandhandling.CommandExecutionException}, so it survives the trip through Axon Server.
 *
 * @param field the HR contract field at fault (for example {@code worker.endDate}), or {@code null}
 */
public record RuleViolation(ErrorCode code, String field, String message) {
}
