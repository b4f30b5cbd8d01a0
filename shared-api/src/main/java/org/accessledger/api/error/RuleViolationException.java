package org.accessledger.api.error;

import org.axonframework.commandhandling.CommandExecutionException;

import java.util.Optional;

/** A command refused by a business rule. Nothing was stored. */
public class RuleViolationException extends CommandExecutionException {

    public RuleViolationException(ErrorCode code, String field, String message) {
        super(message, null, new RuleViolation(code, field, message));
    }

    public RuleViolationException(ErrorCode code, String message) {
        this(code, null, message);
    }

    /** The violation carried by {@code exception}, whether thrown locally or rebuilt from Axon Server's answer. */
    public static Optional<RuleViolation> violationOf(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof CommandExecutionException cee) {
                Optional<Object> details = cee.getDetails();
                if (details.isPresent() && details.get() instanceof RuleViolation violation) {
                    return Optional.of(violation);
                }
            }
        }
        return Optional.empty();
    }
}
